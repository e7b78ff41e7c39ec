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
    /// <c>** Can not start M:F,Args on Node **</c>, as erl logs it.</remarks>
    public Task<Pid> SpawnAsync(string node, Atom module, Atom function, params object?[] args) =>
        SpawnOnAsync(node, module, function, args, link: false);

    /// <summary>Erlang's <c>spawn_link(Node, Module, Function, Args)</c>: as
    /// <see cref="SpawnAsync(string, Atom, Atom, object?[])"/>, linked to this process as part of
    /// the spawn (an unreachable node gives a <c>noconnection</c> exit signal).</summary>
    public Task<Pid> SpawnLinkAsync(string node, Atom module, Atom function, params object?[] args) =>
        SpawnOnAsync(node, module, function, args, link: true);

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
        Node.Distribution?.Log($"** Can not start {module}:{function},{Terms.Term.Format(new ErlangList(args))} on {node} **");
        Func<Process, Task> crasher = self =>
        {
            self.Exit(ExitReason.Of("noconnection"));
            return Task.CompletedTask;
        };
        return link ? SpawnLink(crasher) : Spawn(crasher);
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
        if (Node.Distribution is not { } d) return (new Atom("noconnection"), request);
        var leader = GroupLeader ?? Node.WhereIs("user") ?? Self;
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
                // A nodedown for this wait that came after the reply must not linger.
                await Receive(x => x is ErlangTuple { Length: 2 } t && t[0] is Atom { Name: "nodedown" } && t[1] is Atom n && n.Name == node, TimeSpan.Zero).ConfigureAwait(true);
            }
        }
    }

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
