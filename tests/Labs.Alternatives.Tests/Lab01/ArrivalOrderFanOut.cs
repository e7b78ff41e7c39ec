using Lab01.Processes;

namespace Labs.Alternatives.Tests.Lab01;

/// <summary>A correct answer to lab 1, task 3, in another order than the reference: it takes each
/// answer as it arrives (any <see cref="JobDone"/> from one of its workers) and puts it in the
/// job's slot, where the reference takes the answers by pid in job order.</summary>
public static class ArrivalOrderFanOut
{
    /// <summary>Same contract as <c>FanOut.SquareAllAsync</c>.</summary>
    public static async Task<IReadOnlyList<int>> SquareAllAsync(Process self, IReadOnlyList<Job> jobs)
    {
        var caller = self.Self;
        var slotOf = new Dictionary<Pid, int>();
        for (var i = 0; i < jobs.Count; i++)
        {
            var job = jobs[i];
            var worker = self.Spawn(async me =>
            {
                await me.Sleep(job.Work);
                me.Send(caller, new JobDone(me.Self, job.Input * job.Input));
            });
            slotOf[worker] = i;
        }
        var outputs = new int[jobs.Count];
        for (var waiting = jobs.Count; waiting > 0; waiting--)
        {
            var done = await self.Receive<JobDone>(d => slotOf.ContainsKey(d.Worker));
            outputs[slotOf[done.Worker]] = done.Output;
        }
        return outputs;
    }
}
