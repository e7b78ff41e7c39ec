namespace Otp.Scheduling;

/// <summary>
/// Runs process steps. A step is the stretch of a process's C# code between two waits; the
/// scheduler decides which thread runs it and when. The real-time scheduler spreads steps over
/// the .NET thread pool (one worker per core, each with a local run queue and work stealing,
/// much like the BEAM's schedulers); the deterministic one runs them all on one thread.
/// </summary>
internal abstract class Scheduler : IDisposable
{
    /// <summary>The clock every timer and receive timeout of the node uses.</summary>
    public abstract TimeProvider Time { get; }

    /// <summary>The first exception that escaped a step or a timer outside any process's code (a
    /// fault of the runtime), for a deadlock report; null if none, or if the scheduler lets such
    /// exceptions go to the thread pool.</summary>
    public virtual Exception? FirstFault => null;

    /// <summary>Queues a step to run. Safe to call from any thread.</summary>
    public abstract void Schedule(IThreadPoolWorkItem step);

    /// <summary>Runs one step of <paramref name="process"/>; called by the process when a thread
    /// picks it up.</summary>
    public virtual void Run(Process process)
    {
        if (!IsDisposed) process.Step();
    }

    /// <summary>True once the node is disposed: steps queued after that never run.</summary>
    protected bool IsDisposed => Volatile.Read(ref _disposed);

    private bool _disposed;

    /// <summary>Lets simulated time pass until <paramref name="until"/> is reached or
    /// <paramref name="done"/> completes, whichever is first.</summary>
    public abstract Task RunUntilAsync(Task done, TimeSpan? until);

    public virtual void Dispose() => Volatile.Write(ref _disposed, true);
}
