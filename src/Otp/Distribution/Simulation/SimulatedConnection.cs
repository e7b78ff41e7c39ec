namespace Otp.Distribution.Simulation;

/// <summary>
/// One node's end of a simulated connection to another node: what is on its way to the peer
/// (oldest first, so that messages arrive in the order they were sent), and the links and
/// monitors that cross the connection, which fire <c>noconnection</c> when it breaks. Guarded
/// by the network's lock.
/// </summary>
internal sealed class SimulatedConnection(SimulatedNode owner, SimulatedNode peer)
{
    public SimulatedNode Owner { get; } = owner;

    public SimulatedNode Peer { get; } = peer;

    /// <summary>The peer's end of the same connection.</summary>
    public SimulatedConnection PeerEnd { get; set; } = null!;

    /// <summary>False once the connection has broken; a new connection between the same nodes
    /// is a new pair of ends.</summary>
    public bool Up { get; set; } = true;

    /// <summary>Frames sent to the peer and not yet delivered, oldest first.</summary>
    public Queue<Transit> InFlight { get; } = new();

    /// <summary>When the newest frame in flight arrives: no later frame may arrive before it.</summary>
    public DateTimeOffset LastDue { get; set; }

    public HashSet<(Pid Local, Pid Remote)> Links { get; } = [];

    public Dictionary<Ref, (Process Watcher, object Item)> WatchingRemote { get; } = [];

    public Dictionary<Ref, Process> WatchedByRemote { get; } = [];
}

/// <summary>One frame on its way: the control term and the message (if any) as the sender's node
/// encoded them, and, for the trace, who sent what to whom.</summary>
internal sealed record Transit(byte[] Control, byte[]? Payload, bool IsMessage, Pid From, Pid? To, object? Message);
