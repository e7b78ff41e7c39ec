namespace Otp.Scheduling;

/// <summary>
/// Real time, real parallelism: steps run on the .NET thread pool, with one refinement borrowed
/// from the BEAM (and Go's "runnext"): a process woken by a running step runs next on the same
/// thread, right after that step ends, instead of going through the pool.
/// </summary>
/// <remarks>
/// <para>Why: in a message exchange the sender's step almost always ends (in a receive) just after
/// the send. Queueing the woken receiver on the pool would wake a second worker, which steals it
/// and runs it on another core, so every message would cost a thread wake-up and a cache
/// transfer. Keeping it on the same thread makes a ping-pong or a ring hop a plain function call
/// away.</para>
/// <para>Only one woken process takes that slot per step; any further ones go to the pool, where
/// idle workers pick them up, so work still spreads over the cores. A chain of steps run this way
/// goes back to the pool after <see cref="ChainBudget"/> steps so that it cannot starve the
/// rest.</para>
/// </remarks>
internal sealed class ThreadPoolScheduler(TimeProvider time) : Scheduler
{
    /// <summary>How many steps may run one after another on a thread before the next one goes
    /// back to the pool's global (FIFO) queue.</summary>
    private const int ChainBudget = 200;

    /// <summary>This thread's run-next slot (reused: one per thread, not one per step).</summary>
    [ThreadStatic] private static RunNext? t_runNext;

    public override TimeProvider Time { get; } = time;

    public override void Schedule(IThreadPoolWorkItem step)
    {
        // A process that schedules itself is yielding (it used up its reduction budget): it goes
        // to the back of the pool's queue, behind everything else that is ready.
        if (t_runNext is { } slot && slot.Owner == this && slot.Step is null && !ReferenceEquals(step, slot.Running))
        {
            slot.Step = step;
            return;
        }
        ThreadPool.UnsafeQueueUserWorkItem(step, preferLocal: !ReferenceEquals(step, t_runNext?.Running));
    }

    public override void Run(Process process)
    {
        var slot = t_runNext ??= new RunNext();
        if (slot.Owner is not null)
        {
            // Already inside a step on this thread (of another node): just run it.
            process.Step();
            return;
        }
        slot.Owner = this;
        try
        {
            var current = process;
            for (var chain = 1; ; chain++)
            {
                slot.Running = current;
                current.Step();
                var next = slot.Step;
                slot.Step = null;
                if (next is null) return;
                if (chain >= ChainBudget || next is not Process p)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(next, preferLocal: false);
                    return;
                }
                current = p;
            }
        }
        finally
        {
            slot.Owner = null;
            slot.Step = null;
            slot.Running = null;
        }
    }

    public override async Task RunUntilAsync(Task done, TimeSpan? until)
    {
        if (until is { } limit)
            await Task.WhenAny(done, Task.Delay(limit, Time)).ConfigureAwait(false);
        else
            await done.ConfigureAwait(false);
    }

    private sealed class RunNext
    {
        /// <summary>The scheduler whose step runs on this thread now; null between steps.</summary>
        public ThreadPoolScheduler? Owner;
        public IThreadPoolWorkItem? Step;

        /// <summary>The process whose step runs now.</summary>
        public Process? Running;
    }
}
