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

    /// <summary>While a partition separates the two nodes and the connection has not yet noticed
    /// (<see cref="SimulatedNetworkOptions.NetTickTime"/>): completes when it heals or breaks.
    /// Null while frames flow. Shared by both ends.</summary>
    public TaskCompletionSource? Cut { get; set; }

    /// <summary>Arrivals scheduled and not yet fired; a heal schedules one more for each frame
    /// beyond these.</summary>
    public int PendingArrivals { get; set; }

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
