namespace Otp;

/// <summary>How a <see cref="Node"/> runs.</summary>
public sealed record NodeOptions
{
    /// <summary>Run every process on one thread with a virtual clock, reproducibly.</summary>
    public bool Deterministic { get; init; }

    /// <summary>With <see cref="Deterministic"/>: vary the order in which ready processes run.
    /// The same seed gives the same run; null runs them first come, first served.</summary>
    public int? Seed { get; init; }

    /// <summary>Record a <see cref="Tracing.TraceLog"/> of everything that happens.</summary>
    public bool Trace { get; init; }

    /// <summary>The clock for real-time nodes; <see cref="TimeProvider.System"/> by default.
    /// Deterministic nodes always use a <see cref="Scheduling.VirtualTimeProvider"/>.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>The node's name, Erlang style; <c>nonode@nohost</c> for a node that is not
    /// distributed.</summary>
    public string Name { get; init; } = "nonode@nohost";
}
