using Otp;

namespace Lab03.LinksAndMonitors;

// ---- Task 2: the supervisor's children -----------------------------------------------------------

/// <summary>A child for <see cref="MiniSupervisor"/>: its id and the body its process runs.</summary>
public sealed record Child(string Id, Func<Process, Task> Body);

/// <summary>A running child: its id and its current pid.</summary>
public sealed record RunningChild(string Id, Pid Pid)
{
    /// <inheritdoc/>
    public override string ToString() => $"{{{Id},{Pid}}}";
}

/// <summary>Asks a <see cref="MiniSupervisor"/> for its children, answered with <see cref="Children"/>.</summary>
public sealed record WhichChildren(Pid From)
{
    /// <inheritdoc/>
    public override string ToString() => $"{{which_children,{From}}}";
}

/// <summary>The running children, in start order.</summary>
public sealed record Children(IReadOnlyList<RunningChild> Running)
{
    /// <inheritdoc/>
    public override string ToString() => $"[{string.Join(",", Running)}]";
}

// ---- Task 3: the lock server's protocol ------------------------------------------------------------

/// <summary>Asks for the lock; answered with <see cref="Granted"/> when it is <paramref name="From"/>'s turn.</summary>
public sealed record Acquire(Pid From)
{
    /// <inheritdoc/>
    public override string ToString() => $"{{acquire,{From}}}";
}

/// <summary>The lock is yours.</summary>
public sealed record Granted
{
    /// <inheritdoc/>
    public override string ToString() => "granted";
}

/// <summary>Gives the lock back (ignored unless <paramref name="From"/> holds it).</summary>
public sealed record Release(Pid From)
{
    /// <inheritdoc/>
    public override string ToString() => $"{{release,{From}}}";
}

/// <summary>Asks who holds the lock; answered with <see cref="Holder"/>.</summary>
public sealed record WhoHolds(Pid From)
{
    /// <inheritdoc/>
    public override string ToString() => $"{{who_holds,{From}}}";
}

/// <summary>Who holds the lock, or null when nobody does.</summary>
public sealed record Holder(Pid? Pid)
{
    /// <inheritdoc/>
    public override string ToString() => $"{{holder,{(object?)Pid ?? "none"}}}";
}

// ---- Task 4: the worker pool -----------------------------------------------------------------------

/// <summary>What a job gave: <see cref="Done"/> or <see cref="Failed"/>.</summary>
public abstract record JobResult;

/// <summary>The job's output.</summary>
public sealed record Done(int Output) : JobResult
{
    /// <inheritdoc/>
    public override string ToString() => $"{{done,{Output}}}";
}

/// <summary>The worker running the job crashed with <paramref name="Reason"/>.</summary>
public sealed record Failed(ExitReason Reason) : JobResult
{
    /// <inheritdoc/>
    public override string ToString() => $"{{failed,{Reason.Head}}}";
}

/// <summary>How many workers a pool has, and how many of them are idle.</summary>
public sealed record PoolStatus(int Workers, int Idle);
