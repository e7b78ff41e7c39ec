using Otp.Distribution;
using Otp.Scheduling;
using Otp.Tracing;

namespace Otp;

public sealed partial class Node
{
    /// <summary>A node of a simulated network: it runs on the network's scheduler and clock,
    /// records into the network's trace, and reaches the other nodes through
    /// <paramref name="remote"/>.</summary>
    internal static Node StartSimulated(NodeOptions options, Scheduler scheduler, (TraceLog Log, DateTimeOffset Start)? trace,
        Func<Node, IRemoteSignals> remote)
    {
        var node = new Node(options, scheduler, trace) { _processes = new() };
        node.Remote = remote(node);
        return node;
    }
}
