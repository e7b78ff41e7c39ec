using System.Collections.Concurrent;
using Otp.Distribution;

namespace Otp;

public sealed partial class Node
{
    // Only a named node keeps this table: a local node's pids always carry their process.
    private ConcurrentDictionary<long, Process>? _processes;

    /// <summary>The node's membership of a cluster; null for a node without a name.</summary>
    internal NodeDistribution? Distribution { get; private set; }

    /// <summary>How signals reach other nodes: the real distribution, or a simulated network's
    /// node (<see cref="Otp.Distribution.Simulation.SimulatedNetwork"/>); null for a node without a name.</summary>
    internal IRemoteSignals? Remote { get; private set; }

    /// <summary>True for a node started with <see cref="StartDistributedAsync"/> or added to a
    /// <see cref="Otp.Distribution.Simulation.SimulatedNetwork"/>.</summary>
    public bool IsDistributed => Remote is not null;

    /// <summary>The creation EPMD gave this node (part of every pid it sends); 0 when not distributed.</summary>
    public uint Creation => Remote?.Creation ?? 0;

    /// <summary>The port this node accepts connections from other nodes on; 0 when not distributed.</summary>
    public int DistributionPort => Distribution?.Port ?? 0;

    /// <summary>
    /// The address of <paramref name="pid"/> as seen from this node. A pid carries its node, as in
    /// Erlang: a pid that another distributed <see cref="Node"/> handed out (another node of the
    /// same simulated network, say, whose <c>Spawn</c> returned it) names a process there, so it
    /// becomes that node's remote pid and signals to it travel through the network. Pids of this
    /// node, remote pids, and pids between two nodes without a name are returned as they are.
    /// </summary>
    /// <exception cref="BadArgException">Only one of the two nodes is distributed, so neither can
    /// reach the other.</exception>
    internal Pid Address(Pid pid)
    {
        if (pid.Process is not { } p || ReferenceEquals(p.Node, this)) return pid;
        var owner = p.Node;
        if (owner.Remote is null && Remote is null) return pid;
        if (owner.Remote is null || Remote is null)
            throw new BadArgException($"{pid} is a process of node {owner.Name}, which node {Name} cannot reach: "
                + "only nodes of one cluster (or one simulated network) can signal each other's processes");
        return owner.RemotePid(pid);
    }

    /// <summary>
    /// A process ended with an error (not an exit). As erts does, when its group leader is on
    /// another node (it was spawned from there), the report goes to that node's
    /// <c>logger_proxy</c>: <c>{log, error, "Error in process ~p on node ~p with exit value:~n~p~n",
    /// [Pid, Node, Reason], #{error_logger => #{emulator => true, tag => error}, gl => GL, pid =>
    /// Pid, time => Microseconds}}</c>, and <c>erl</c> prints its <c>=ERROR REPORT====</c> there.
    /// A process whose group leader is on this node reports nothing, as before.
    /// </summary>
    internal void ReportError(Process p, ExitReason reason)
    {
        if (Remote is not { } remote || p.GroupLeader is not { RemoteNode: { } leaderNode } leader) return;
        var time = (Time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / (TimeSpan.TicksPerMillisecond / 1000);
        var error = new Atom("error");
        var meta = new ErlangMap(
        [
            new(new Atom("error_logger"), new ErlangMap([new(new Atom("emulator"), true), new(new Atom("tag"), error)])),
            new(new Atom("gl"), leader),
            new(new Atom("pid"), p.Self),
            new(new Atom("time"), time),
        ]);
        var report = new ErlangTuple(new Atom("log"), error, ErlangList.FromString(ErrorReportFormat),
            new ErlangList(p.Self, new Atom(Name), NodeDistribution.ReasonTerm(reason)), meta);
        try
        {
            remote.SendRegistered(p.Self, "logger_proxy", leaderNode.Name, report);
        }
        catch (BadArgException)
        {
            // A reason with no Erlang form cannot be reported; the exit itself still goes out.
        }
    }

    /// <summary>The format of the report erts makes for a process that ends with an error.</summary>
    internal const string ErrorReportFormat = "Error in process ~p on node ~p with exit value:~n~p~n";

    /// <summary>This node's <paramref name="local"/> pid as other nodes see it.</summary>
    internal Pid RemotePid(Pid local) =>
        Pid.Remote(new Atom(Name), (uint)local.Number, (uint)(local.Number >> 32), Creation);

    internal Process? LiveProcess(long number) =>
        _processes is not null && _processes.TryGetValue(number, out var p) && !p.HasExited ? p : null;

    /// <summary>
    /// Starts a node that is a member of a cluster, as <c>erl -sname</c> or <c>erl -name</c>
    /// does: it listens for other nodes, registers its name with EPMD (starting an EPMD of its
    /// own when none answers), and from then on reaches other nodes by name, connecting on first
    /// use. Its <c>net_kernel</c> answers <c>net_adm:ping</c>.
    /// </summary>
    /// <param name="options"><see cref="NodeOptions.Name"/> is required (<c>alive@host</c>, or
    /// just <c>alive</c> for this host's short name); the cookie comes from
    /// <see cref="NodeOptions.Cookie"/> or <c>~/.erlang.cookie</c>. Real-time nodes only.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <exception cref="ArgumentException">No name, a malformed name, or a deterministic node.</exception>
    /// <exception cref="Distribution.Epmd.EpmdException">EPMD refused the name (another node has it).</exception>
    public static async Task<Node> StartDistributedAsync(NodeOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Deterministic) throw new ArgumentException("a deterministic node cannot join a real cluster (the simulated network is separate work)", nameof(options));
        if (options.Name == NodeName.NoNode) throw new ArgumentException("a distributed node needs a name: NodeOptions.Name = \"alive@host\"", nameof(options));
        var name = NodeName.Parse(options.Name);
        var cookie = options.Cookie ?? Cookie.ReadOrCreate(options.CookieFile);
        var node = new Node(options with { Name = name.ToString() }) { _processes = new() };
        try
        {
            node.Distribution = await NodeDistribution.StartAsync(node, name, cookie, node.Options, ct).ConfigureAwait(false);
            node.Remote = node.Distribution;
            NetKernel.Start(node);
        }
        catch
        {
            node.Scheduler.Dispose();
            throw;
        }
        return node;
    }

    /// <summary>Erlang's <c>nodes/1</c>: the names of the connected nodes of that kind, sorted.
    /// Empty for a node that is not distributed.</summary>
    public IReadOnlyList<string> Nodes(NodeVisibility which = NodeVisibility.Visible) => Remote?.Nodes(which) ?? [];

    /// <summary>
    /// Erlang's <c>net_adm:ping/1</c>: connects to <paramref name="node"/> if needed and asks its
    /// <c>net_kernel</c> whether this node is welcome. True for <c>pong</c>, false for
    /// <c>pang</c> (no such node, a wrong cookie, no answer within <paramref name="timeout"/>,
    /// default 7 s). A failed ping also drops the connection, as in Erlang.
    /// </summary>
    public async Task<bool> PingAsync(string node, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        if (node == Name) return Remote is not null;
        var wait = timeout ?? TimeSpan.FromSeconds(7);
        if (Remote is Otp.Distribution.Simulation.SimulatedNode sim) return await sim.PingAsync(node, wait).ConfigureAwait(false);
        if (Distribution is not { } d) return false;
        var pong = await RunAsync(async self =>
        {
            // A gen_server call, as net_adm:ping makes it: a monitor on {net_kernel, Node} turns an
            // unreachable node into an immediate DOWN instead of a timeout.
            var mref = self.Monitor("net_kernel", node);
            self.Send("net_kernel", node, new ErlangTuple(new Atom("$gen_call"), new ErlangTuple(self.Self, mref),
                new ErlangTuple(new Atom("is_auth"), new Atom(Name))));
            var reply = await self.Receive(m => m is ErlangTuple { Length: 2 } t && Equals(t[0], mref) || m is Down dn && dn.Ref.Equals(mref), wait).ConfigureAwait(true);
            self.Demonitor(mref, flush: true);
            return reply is ErlangTuple { Length: 2 } r && r[1] is Atom { Name: "yes" };
        }, wait + TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        if (!pong) d.Disconnect(node);
        return pong;
    }

    /// <summary>Erlang's <c>net_kernel:connect_node/1</c>: the handshake only. True once
    /// connected (or already connected), false if it failed.</summary>
    public async Task<bool> ConnectAsync(string node)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        if (node == Name) return Remote is not null;
        return Remote is { } r && await r.ConnectAsync(node).ConfigureAwait(false);
    }

    /// <summary>Erlang's <c>erlang:disconnect_node/1</c>: closes the connection; links and
    /// monitors across it fire <c>noconnection</c>. False if there was none.</summary>
    public bool Disconnect(string node) => Remote?.Disconnect(node) ?? false;

    /// <summary>Sends to the process registered as <paramref name="name"/> on
    /// <paramref name="node"/> from outside any process (Erlang's <c>{Name, Node} ! Message</c>).</summary>
    public void Send(string name, string node, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (node == Name) Send(name, message);
        else SendRemote(Pid.Outside, name, node, message);
    }

    internal void SendRemote(Pid from, string name, string node, object message)
    {
        Remote?.SendRegistered(from, name, node, message);
    }
}
