namespace Otp.Distribution;

/// <summary>
/// How signals reach the processes of other nodes: messages, links, exit signals, monitors and
/// node monitors. The real distribution (<see cref="NodeDistribution"/>, TCP) and the simulated
/// network (<see cref="Simulation.SimulatedNode"/>) both implement it, so that <see cref="Node"/>
/// and <see cref="Process"/> behave the same over either.
/// </summary>
internal interface IRemoteSignals : IAsyncDisposable
{
    /// <summary>The node's creation (which incarnation of the name it is).</summary>
    uint Creation { get; }

    /// <summary><c>To ! Message</c> for a pid of another node; dropped when it cannot be reached.</summary>
    /// <exception cref="BadArgException">The message has no Erlang form.</exception>
    void Send(Pid from, Pid to, object message);

    /// <summary><c>{Name, Node} ! Message</c>; dropped when the node cannot be reached.</summary>
    /// <exception cref="BadArgException">The message has no Erlang form.</exception>
    void SendRegistered(Pid from, string name, string node, object message);

    /// <summary>The remote half of a link; <c>noconnection</c> at once if the node cannot be reached.</summary>
    void Link(Process local, Pid remote);

    /// <summary>The remote half of an unlink.</summary>
    void Unlink(Pid local, Pid remote);

    /// <summary>The exit signal a dying local process sends through its link to a remote one.</summary>
    void ExitThroughLink(Pid from, Pid to, ExitReason reason);

    /// <summary><c>exit(RemotePid, Reason)</c>.</summary>
    void Exit2(Pid from, Pid to, ExitReason reason);

    /// <summary>The remote half of a monitor (by pid, or by name as an <see cref="Atom"/>).</summary>
    void Monitor(Process watcher, Ref r, object target, string node, object item);

    /// <summary>The remote half of a demonitor.</summary>
    void Demonitor(Pid watcher, Ref r, object target, string node);

    /// <summary>A local process monitored from another node ended.</summary>
    void MonitorExit(object fromProc, Pid watcher, Ref r, ExitReason reason);

    /// <summary>
    /// Sends a SPAWN_REQUEST for <c>M:F(Args)</c> to <paramref name="node"/> on behalf of
    /// <paramref name="spawner"/>. With <paramref name="awaitReply"/>, the
    /// <see cref="SpawnReply"/> arrives in its mailbox (and a link or monitor the other node set
    /// up is recorded); without, the reply is dropped (<c>erpc:cast</c>). False, and nothing sent,
    /// when the node cannot be reached.
    /// </summary>
    bool SendSpawnRequest(Process spawner, string node, Ref request, Pid groupLeader, Atom module, Atom function,
        IReadOnlyList<object?> args, bool link, bool monitor, bool awaitReply = true);

    /// <summary>The spawner stopped waiting for the reply to <paramref name="request"/>.</summary>
    void ForgetSpawnRequest(Ref request);

    /// <summary>Writes a line to the node's distribution log (<see cref="NodeOptions.DistributionLog"/>).</summary>
    void Log(string line);

    /// <summary><c>monitor_node(Node, Flag)</c>.</summary>
    void MonitorNode(Process p, string node, bool on);

    /// <summary><c>net_kernel:monitor_nodes(Flag)</c>.</summary>
    void MonitorNodes(Process p, bool on);

    /// <summary><c>nodes/1</c>, sorted.</summary>
    IReadOnlyList<string> Nodes(NodeVisibility which);

    /// <summary><c>net_kernel:connect_node/1</c>: true once connected.</summary>
    Task<bool> ConnectAsync(string node);

    /// <summary><c>erlang:disconnect_node/1</c>; false if there was no connection.</summary>
    bool Disconnect(string node);
}
