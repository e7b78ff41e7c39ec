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

    private readonly Lock _userGate = new();

    /// <summary>The node's <c>user</c> io server, the group leader this node names when it spawns
    /// on another node. A real distributed node starts it (and <c>logger_proxy</c>) with
    /// <c>net_kernel</c>; a simulated node starts both here on first use, so that scenarios
    /// without spawns across nodes keep them out of their traces.</summary>
    internal Pid UserIoServer()
    {
        lock (_userGate)
        {
            if (WhereIs("user") is { } user) return user;
            var pid = Spawn(Io.IoServer.Loop);
            Register("user", pid);
            // Where the other nodes report the errors of processes spawned from here.
            if (WhereIs("logger_proxy") is null) Register("logger_proxy", Spawn(Io.LoggerProxy.Loop));
            return pid;
        }
    }
}
