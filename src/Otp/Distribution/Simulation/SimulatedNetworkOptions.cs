using Otp.Distribution.Terms;

namespace Otp.Distribution.Simulation;

/// <summary>How a <see cref="SimulatedNetwork"/> carries messages between its nodes.</summary>
public sealed record SimulatedNetworkOptions
{
    /// <summary>How long every message and signal takes from one node to another, in virtual
    /// time (default 1 ms). Zero delivers it as a step of its own, interleaved by the seed with
    /// the steps of the processes.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>A random extra delay, from zero up to this, added to each message's latency
    /// (default none). Messages between two nodes still arrive in the order they were sent, as
    /// over one TCP connection: a message never overtakes an earlier one.</summary>
    public TimeSpan Jitter { get; init; }

    /// <summary>The chance, from 0 to 1, that the network loses a message (default 0). Only
    /// messages (<c>Pid ! Msg</c>, <c>{Name, Node} ! Msg</c>) are lost, never links, exit
    /// signals or monitors; docs/distribution.md explains the guarantee this gives up.</summary>
    public double LossRate { get; init; }

    /// <summary>The chance, from 0 to 1, that the network delivers a message twice (default 0).
    /// The copy arrives right after the original.</summary>
    public double DuplicationRate { get; init; }

    /// <summary>
    /// Erlang's <c>net_ticktime</c> for partitions: null (the default) breaks a connection the
    /// moment a partition separates its nodes. With a time, the connection stays up but carries
    /// nothing, as a real connection to a silent peer does: what is sent waits, a heal within
    /// this time delivers it late and nobody notices anything, and otherwise the connection breaks
    /// when the time is up (<c>noconnection</c>, <c>nodedown</c>) and what waited is lost.
    /// </summary>
    public TimeSpan? NetTickTime { get; init; }

    /// <summary>Record one <see cref="Tracing.TraceLog"/> for all the nodes (default true).</summary>
    public bool Trace { get; init; } = true;

    /// <summary>The host part of the names <see cref="SimulatedNetwork.AddNode(string)"/> gives:
    /// <c>a</c> becomes <c>a@sim</c> by default.</summary>
    public string Host { get; init; } = "sim";

    /// <summary>Records to rebuild when a message arrives (see docs/distribution.md, "Records");
    /// without, a record arrives as the tuple it travels as, exactly as over TCP.</summary>
    public TermRecords? Records { get; init; }

    /// <summary>Where the nodes write what a real node writes to its distribution log, such as
    /// <c>** Can not start M:F,Args on Node **</c> for a spawn on a node that cannot be reached
    /// (<see cref="NodeOptions.DistributionLog"/>); null for standard error.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative time or a rate outside 0..1.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Latency, TimeSpan.Zero, nameof(Latency));
        ArgumentOutOfRangeException.ThrowIfLessThan(Jitter, TimeSpan.Zero, nameof(Jitter));
        if (NetTickTime is { } tick) ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tick, TimeSpan.Zero, nameof(NetTickTime));
        if (LossRate is < 0 or > 1 || double.IsNaN(LossRate)) throw new ArgumentOutOfRangeException(nameof(LossRate), LossRate, "a rate is between 0 and 1");
        if (DuplicationRate is < 0 or > 1 || double.IsNaN(DuplicationRate)) throw new ArgumentOutOfRangeException(nameof(DuplicationRate), DuplicationRate, "a rate is between 0 and 1");
        ArgumentException.ThrowIfNullOrWhiteSpace(Host, nameof(Host));
    }
}
