namespace Otp.Tracing;

/// <summary>What happened in one <see cref="TraceEvent"/>.</summary>
public enum TraceKind
{
    /// <summary><see cref="TraceEvent.Actor"/> spawned <see cref="TraceEvent.Peer"/>.</summary>
    Spawn,
    /// <summary><see cref="TraceEvent.Actor"/> spawned and linked <see cref="TraceEvent.Peer"/>.</summary>
    SpawnLink,
    /// <summary><see cref="TraceEvent.Actor"/> sent <see cref="TraceEvent.Detail"/> to <see cref="TraceEvent.Peer"/>.</summary>
    Send,
    /// <summary><see cref="TraceEvent.Actor"/> took <see cref="TraceEvent.Detail"/> from its mailbox.</summary>
    Receive,
    /// <summary>A receive of <see cref="TraceEvent.Actor"/> reached its <c>after</c> timeout.</summary>
    Timeout,
    /// <summary><see cref="TraceEvent.Actor"/> linked to <see cref="TraceEvent.Peer"/>.</summary>
    Link,
    /// <summary><see cref="TraceEvent.Actor"/> removed its link to <see cref="TraceEvent.Peer"/>.</summary>
    Unlink,
    /// <summary><see cref="TraceEvent.Actor"/> started monitoring <see cref="TraceEvent.Peer"/>.</summary>
    Monitor,
    /// <summary><see cref="TraceEvent.Actor"/> sent an exit signal with reason <see cref="TraceEvent.Detail"/> to <see cref="TraceEvent.Peer"/>.</summary>
    ExitSignal,
    /// <summary><see cref="TraceEvent.Actor"/> ended with reason <see cref="TraceEvent.Detail"/>.</summary>
    Exit,
    /// <summary>The end of <see cref="TraceEvent.Actor"/> sent a DOWN (reason <see cref="TraceEvent.Detail"/>) to <see cref="TraceEvent.Peer"/>.</summary>
    Down,
    /// <summary>A timer delivered <see cref="TraceEvent.Detail"/> to <see cref="TraceEvent.Actor"/>.</summary>
    Timer,
    /// <summary><see cref="TraceEvent.Actor"/> was registered under the name <see cref="TraceEvent.Detail"/>.</summary>
    Register,
    /// <summary>Something happened to a simulated network (<see cref="TraceEvent.Detail"/> says
    /// what: a partition, a heal, a connection up or down, a node stopped).</summary>
    Network,
    /// <summary>The simulated network lost the message <see cref="TraceEvent.Detail"/> that
    /// <see cref="TraceEvent.Actor"/> sent to <see cref="TraceEvent.Peer"/>.</summary>
    Lost,
    /// <summary>The simulated network delivers a second copy of <see cref="TraceEvent.Detail"/>,
    /// sent by <see cref="TraceEvent.Actor"/> to <see cref="TraceEvent.Peer"/>.</summary>
    Duplicated,
}

/// <summary>One recorded event.</summary>
/// <param name="Seq">Position in the trace, from 0.</param>
/// <param name="At">Time since the node started (virtual time on a deterministic node).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Actor">The process the event is about.</param>
/// <param name="Peer">The other process, if any.</param>
/// <param name="Detail">The message, reason or name, if any.</param>
public sealed record TraceEvent(int Seq, TimeSpan At, TraceKind Kind, Pid Actor, Pid? Peer, object? Detail);
