using Otp;

namespace Lab03.LinksAndMonitors;

/// <summary>Task 4: a worker pool that survives crashing workers.</summary>
public static class Pool
{
    private sealed record Job(int Input, Pid Client, Ref Tag);
    private sealed record Finished(Pid Worker, int Output);
    private sealed record Result(Ref Tag, JobResult Outcome);
    private sealed record Status(Pid From, Ref Tag);
    private sealed record StatusIs(Ref Tag, PoolStatus Value);

    /// <summary>
    /// Spawns a pool (not linked to the caller) with <paramref name="size"/> worker processes,
    /// linked to it, and returns its pid. Each job runs <paramref name="work"/> in one idle worker;
    /// jobs that find no idle worker wait their turn, in order. When a worker crashes during a
    /// job, that job's caller gets <see cref="Failed"/> with the crash reason, and the pool
    /// starts a new worker in its place, so it always has <paramref name="size"/> of them.
    /// </summary>
    /// <param name="self">The starting process.</param>
    /// <param name="size">How many workers.</param>
    /// <param name="work">The job: runs in the worker's process (so it may sleep), may throw.</param>
    public static Pid Start(Process self, int size, Func<Process, int, Task<int>> work)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return self.Spawn(async pool =>
        {
            pool.TrapExit = true;
            var idle = new Queue<Pid>();
            var busy = new Dictionary<Pid, Job>();
            var backlog = new Queue<Job>();

            var poolPid = pool.Self;
            Pid NewWorker() => pool.SpawnLink(async worker =>
            {
                while (true)
                {
                    var job = await worker.Receive<Job>();
                    worker.Send(poolPid, new Finished(worker.Self, await work(worker, job.Input)));
                }
            });

            void Dispatch()
            {
                while (idle.Count > 0 && backlog.Count > 0)
                {
                    var (worker, job) = (idle.Dequeue(), backlog.Dequeue());
                    busy[worker] = job;
                    pool.Send(worker, job);
                }
            }

            for (var i = 0; i < size; i++) idle.Enqueue(NewWorker());
            while (true)
            {
                switch (await pool.Receive())
                {
                    case Job job:
                        backlog.Enqueue(job);
                        break;
                    case Finished f when busy.Remove(f.Worker, out var done):
                        pool.Send(done.Client, new Result(done.Tag, new Done(f.Output)));
                        idle.Enqueue(f.Worker);
                        break;
                    case ExitSignal e when busy.Remove(e.From, out var lost):
                        pool.Send(lost.Client, new Result(lost.Tag, new Failed(e.Reason)));
                        idle.Enqueue(NewWorker());
                        break;
                    case Status s:
                        pool.Send(s.From, new StatusIs(s.Tag, new PoolStatus(idle.Count + busy.Count, idle.Count)));
                        break;
                }
                Dispatch();
            }
        });
    }

    /// <summary>Runs one job on the pool and waits for its result.</summary>
    public static async Task<JobResult> RunAsync(Process self, Pid pool, int input)
    {
        var tag = self.MakeRef();
        self.Send(pool, new Job(input, self.Self, tag));
        var result = (Result)(await self.ReceiveReply(tag, m => m is Result r && r.Tag == tag, Timeout.InfiniteTimeSpan))!;
        return result.Outcome;
    }

    /// <summary>How many workers the pool has, and how many are idle.</summary>
    public static async Task<PoolStatus> StatusAsync(Process self, Pid pool)
    {
        var tag = self.MakeRef();
        self.Send(pool, new Status(self.Self, tag));
        return ((StatusIs)(await self.ReceiveReply(tag, m => m is StatusIs s && s.Tag == tag, Timeout.InfiniteTimeSpan))!).Value;
    }
}
