using Otp.Distribution;

namespace Otp;

public sealed partial class Process
{
    /// <summary>
    /// Erlang's <c>spawn(Node, Module, Function, Args)</c>: starts <c>Module:Function(Args...)</c>
    /// in a new process on <paramref name="node"/> (this node or another) and returns its pid.
    /// The module must be registered there (<see cref="Node.Modules"/> on a C# node; any loaded
    /// module on an Erlang node). The new process's group leader is this process's, so what it
    /// prints appears here.
    /// </summary>
    /// <remarks>As in Erlang, an unknown module or function does not make the spawn fail: the new
    /// process exits with <c>{undef, [{M, F, Args, []}]}</c>. When the node cannot be reached
    /// (or does not spawn for others), the pid returned is that of a local process that has exited
    /// with <c>noconnection</c>, and the distribution log says
    /// <c>** Can not start M:F,Args on Node **</c> (with <c>([link])</c> for a link), as erl logs it.</remarks>
    public Task<Pid> SpawnAsync(string node, Atom module, Atom function, params object?[] args) =>
        SpawnOnAsync(node, module, function, args, link: false);

    /// <summary>Erlang's <c>spawn_link(Node, Module, Function, Args)</c>: as
    /// <see cref="SpawnAsync(string, Atom, Atom, object?[])"/>, linked to this process as part of
    /// the spawn (an unreachable node gives a <c>noconnection</c> exit signal).</summary>
    public Task<Pid> SpawnLinkAsync(string node, Atom module, Atom function, params object?[] args) =>
        SpawnOnAsync(node, module, function, args, link: true);

    /// <summary>Erlang's <c>spawn_monitor(Node, Module, Function, Args)</c>: as
    /// <see cref="SpawnAsync(string, Atom, Atom, object?[])"/>, monitored as part of the spawn, so
    /// the <see cref="Down"/> (with <c>{undef, ...}</c> for an unknown function) cannot be missed.
    /// When the node cannot be reached, the pid is that of a local process and the DOWN says
    /// <c>noconnection</c>, as in Erlang.</summary>
    public async Task<(Pid Pid, Ref Monitor)> SpawnMonitorAsync(string node, Atom module, Atom function, params object?[] args)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(args);
        ThrowIfExited();
        if (node == Node.Name) return SpawnMonitor(Node.Modules.Body(module, function, args));
        var (reply, request) = await SpawnRequestAsync(node, module, function, args, link: false, monitor: true).ConfigureAwait(true);
        if (reply is Pid pid) return (pid, request);
        CannotStart(node, module, function, args, "monitor");
        return SpawnMonitor(NoConnection);
    }

    private async Task<Pid> SpawnOnAsync(string node, Atom module, Atom function, object?[] args, bool link)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(args);
        ThrowIfExited();
        if (node == Node.Name)
        {
            var body = Node.Modules.Body(module, function, args);
            return link ? SpawnLink(body) : Spawn(body);
        }
        var (reply, _) = await SpawnRequestAsync(node, module, function, args, link, monitor: false).ConfigureAwait(true);
        if (reply is Pid pid) return pid;
        CannotStart(node, module, function, args, link ? "link" : null);
        return link ? SpawnLink(NoConnection) : Spawn(NoConnection);
    }

    // What erl logs when a spawn on another node fails: "** Can not start m:f,[1] ([link]) on n@h **".
    private void CannotStart(string node, Atom module, Atom function, object?[] args, string? option) =>
        Node.Remote?.Log($"** Can not start {module}:{function},{Terms.Term.Format(new ErlangList(args))}{(option is null ? "" : $" ([{option}])")} on {node} **");

    // The stand-in erl returns for a process that could not be started on another node.
    private static Task NoConnection(Process self)
    {
        self.Exit(ExitReason.Of("noconnection"));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The core of Erlang's <c>spawn_request/5</c>: asks <paramref name="node"/> to start
    /// <c>M:F(Args)</c> and waits for the answer, the new pid or an error atom
    /// (<c>noconnection</c> when the node cannot be reached). With <paramref name="monitor"/>, the
    /// returned reference is the monitor's (Erlang uses the request id for it).
    /// </summary>
    internal async Task<(object Result, Ref Request)> SpawnRequestAsync(string node, Atom module, Atom function, IReadOnlyList<object?> args, bool link, bool monitor)
    {
        var request = MakeRef();
        if (Node.Remote is not { } d) return (new Atom("noconnection"), request);
        var leader = RemoteGroupLeader();
        MonitorNode(node);
        try
        {
            if (!d.SendSpawnRequest(this, node, request, leader, module, function, args, link, monitor))
                return (new Atom("noconnection"), request);
            var m = await ReceiveReply(request,
                x => x is SpawnReply r && r.Request.Equals(request) || x is ErlangTuple { Length: 2 } t && t[0] is Atom { Name: "nodedown" } && t[1] is Atom n && n.Name == node,
                System.Threading.Timeout.InfiniteTimeSpan).ConfigureAwait(true);
            return m is SpawnReply reply ? (reply.Result, request) : (new Atom("noconnection"), request);
        }
        finally
        {
            d.ForgetSpawnRequest(request);
            if (!HasExited)
            {
                MonitorNode(node, on: false);
                // A nodedown for this wait that came after the reply must not linger. Removed
                // as demonitor's flush removes a DOWN: no receive, so nothing in the trace.
                lock (_gate) _mailbox.Drain();
                _mailbox.RemoveAll(x => x is ErlangTuple { Length: 2 } t && t[0] is Atom { Name: "nodedown" } && t[1] is Atom n && n.Name == node);
            }
        }
    }

    /// <summary>The group leader a process spawned on another node gets from this one: this
    /// process's, or else the node's <c>user</c> io server (started on first use on a simulated
    /// node), so that what it prints appears on this node.</summary>
    internal Pid RemoteGroupLeader() => GroupLeader ?? Node.UserIoServer();

    /// <summary>Records the monitor a SPAWN_REPLY set up on a process of another node.</summary>
    internal bool AddSpawnMonitor(Ref r, Pid target, string node)
    {
        lock (_gate)
        {
            if (_exitReason is not null) return false;
            (_watchingRemote ??= [])[r] = (target, node, target);
            return true;
        }
    }
}
