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
/// away (docs/benchmarks.md has the figures).</para>
/// <para>Only one woken process takes that slot per step; any further ones go to the pool, where
/// idle workers pick them up, so work still spreads over the cores. A chain of steps run this way
/// goes back to the pool after <see cref="ChainBudget"/> steps so that it cannot starve the
/// rest. And a step that does not end soon (a blocking call, a long computation) must not hold
/// the process it woke: a watchdog moves a process that has waited in a slot for a whole
/// <see cref="WatchdogPeriod"/> to the pool, where another thread runs it.</para>
/// </remarks>
internal sealed class ThreadPoolScheduler : Scheduler
{
    /// <summary>How many steps may run one after another on a thread before the next one goes
    /// back to the pool's global (FIFO) queue.</summary>
    private const int ChainBudget = 200;

    /// <summary>How often the watchdog looks at the slots.</summary>
    private static readonly TimeSpan WatchdogPeriod = TimeSpan.FromMilliseconds(5);

    /// <summary>This thread's run-next slot (reused: one per thread, not one per step).</summary>
    [ThreadStatic] private static RunNext? t_runNext;

    /// <summary>Every thread's slot, for the watchdog. Threads of the pool live long and are few.</summary>
    private static readonly List<RunNext> s_slots = [];
    private static Timer? s_watchdog;

    public ThreadPoolScheduler(TimeProvider time)
    {
        Time = time;
        lock (s_slots) s_watchdog ??= new Timer(static _ => Watch(), null, WatchdogPeriod, WatchdogPeriod);
    }

    public override TimeProvider Time { get; }

    public override void Schedule(IThreadPoolWorkItem step)
    {
        // A process that schedules itself is yielding (it used up its reduction budget): it goes
        // to the back of the pool's queue, behind everything else that is ready.
        if (t_runNext is { } slot && slot.Owner == this && slot.Step is null && !ReferenceEquals(step, slot.Running))
        {
            Volatile.Write(ref slot.Step, step);
            return;
        }
        ThreadPool.UnsafeQueueUserWorkItem(step, preferLocal: !ReferenceEquals(step, t_runNext?.Running));
    }

    public override void Run(Process process)
    {
        if (IsDisposed) return;
        var slot = t_runNext ??= NewSlot();
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
                // Exchange, not read-then-clear: the watchdog may take the step at the same time.
                var next = Interlocked.Exchange(ref slot.Step, null);
                slot.Generation++;
                if (next is null || IsDisposed) return;
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
            slot.Running = null;
            // Only if a step threw: whatever it woke must still run.
            if (Interlocked.Exchange(ref slot.Step, null) is { } left) ThreadPool.UnsafeQueueUserWorkItem(left, preferLocal: false);
        }
    }

    public override async Task RunUntilAsync(Task done, TimeSpan? until)
    {
        if (until is { } limit)
            await Task.WhenAny(done, Task.Delay(limit, Time)).ConfigureAwait(false);
        else
            await done.ConfigureAwait(false);
    }

    private static RunNext NewSlot()
    {
        var slot = new RunNext();
        lock (s_slots) s_slots.Add(slot);
        return slot;
    }

    /// <summary>Moves to the pool every step that has sat in the same slot since the last look:
    /// the step that put it there has been running for at least one period.</summary>
    private static void Watch()
    {
        lock (s_slots)
        {
            foreach (var slot in s_slots)
            {
                var step = Volatile.Read(ref slot.Step);
                var generation = Volatile.Read(ref slot.Generation);
                if (step is not null && ReferenceEquals(step, slot.SeenStep) && generation == slot.SeenGeneration
                    && Interlocked.CompareExchange(ref slot.Step, null, step) == step)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(step, preferLocal: false);
                    step = null;
                }
                slot.SeenStep = step;
                slot.SeenGeneration = generation;
            }
        }
    }

    private sealed class RunNext
    {
        /// <summary>The scheduler whose step runs on this thread now; null between steps.</summary>
        public ThreadPoolScheduler? Owner;

        /// <summary>The process to run when the current step ends.</summary>
        public IThreadPoolWorkItem? Step;

        /// <summary>The process whose step runs now.</summary>
        public Process? Running;

        /// <summary>Counts the steps taken from the slot, so that the watchdog can tell a step that
        /// has waited for a whole period from a new one.</summary>
        public long Generation;

        // The watchdog's view at its last look (touched only under s_slots' lock).
        public IThreadPoolWorkItem? SeenStep;
        public long SeenGeneration;
    }
}
