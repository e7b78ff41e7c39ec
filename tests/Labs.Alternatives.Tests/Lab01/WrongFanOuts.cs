using Lab01.Processes;

namespace Labs.Alternatives.Tests.Lab01;

/// <summary>Answers to lab 1, task 3, that return the right numbers but break what the task
/// fixes; the task's tests must reject each of them.</summary>
public static class WrongFanOuts
{
    /// <summary>Spawns the workers in reverse job order (the task says: in the order of jobs), then
    /// takes the answers by pid in job order, so the result is still right.</summary>
    public static async Task<IReadOnlyList<int>> ReverseSpawnAsync(Process self, IReadOnlyList<Job> jobs)
    {
        var workers = new Pid[jobs.Count];
        for (var i = jobs.Count - 1; i >= 0; i--) workers[i] = Worker(self, jobs[i]);
        List<int> outputs = [];
        foreach (var worker in workers) outputs.Add((await self.Receive<JobDone>(d => d.Worker == worker)).Output);
        return outputs;
    }

    /// <summary>Spawns a worker and waits for its answer before spawning the next (the task says:
    /// all before waiting for any answer).</summary>
    public static async Task<IReadOnlyList<int>> OneAtATimeAsync(Process self, IReadOnlyList<Job> jobs)
    {
        List<int> outputs = [];
        foreach (var job in jobs)
        {
            var worker = Worker(self, job);
            outputs.Add((await self.Receive<JobDone>(d => d.Worker == worker)).Output);
        }
        return outputs;
    }

    /// <summary>Returns the answers in the order they arrived (the task says: in the order of jobs).</summary>
    public static async Task<IReadOnlyList<int>> ArrivalOrderResultAsync(Process self, IReadOnlyList<Job> jobs)
    {
        foreach (var job in jobs) Worker(self, job);
        List<int> outputs = [];
        foreach (var _ in jobs) outputs.Add((await self.Receive<JobDone>()).Output);
        return outputs;
    }

    private static Pid Worker(Process self, Job job)
    {
        var caller = self.Self;
        return self.Spawn(async me =>
        {
            await me.Sleep(job.Work);
            me.Send(caller, new JobDone(me.Self, job.Input * job.Input));
        });
    }
}
