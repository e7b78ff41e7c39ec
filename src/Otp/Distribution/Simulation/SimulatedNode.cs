using Otp.Distribution.Control;
using Otp.Distribution.Terms;

namespace Otp.Distribution.Simulation;

/// <summary>
/// A <see cref="Node"/>'s membership of a <see cref="SimulatedNetwork"/>: the same signals as
/// <see cref="NodeDistribution"/> sends over TCP (the same control messages, encoded in the
/// External Term Format by the sender's node and decoded by the receiver's), carried by the
/// network in virtual time instead of a socket.
/// </summary>
internal sealed class SimulatedNode : IRemoteSignals
{
    private static readonly Atom s_nodeUp = new("nodeup");
    private static readonly Atom s_nodeDown = new("nodedown");
    private readonly SimulatedNetwork _network;
    private readonly Dictionary<string, List<Pid>> _nodeMonitors = new(StringComparer.Ordinal);
    private readonly List<Pid> _allNodesMonitors = [];
    private long _nextUnlinkId;
    // Spawners waiting for a SPAWN_REPLY, by request (locked: a spawner adds from its own thread).
    private readonly Dictionary<Ref, Process> _pendingSpawns = [];

    public SimulatedNode(SimulatedNetwork network, Node node, uint creation, SimulatedNodeScheduler scheduler, TermRecords? records)
    {
        _network = network;
        Node = node;
        Name = node.Name;
        Creation = creation;
        Scheduler = scheduler;
        Context = new SimulatedTermContext(node, new Atom(node.Name), creation, records);
    }

    public Node Node { get; }

    public string Name { get; }

    public uint Creation { get; }

    public SimulatedNodeScheduler Scheduler { get; }

    public IExternalTermContext Context { get; }

    /// <summary>True once the node has stopped; guarded by the network's lock.</summary>
    public bool Stopped { get; set; }

    /// <summary>Open connections by peer name; guarded by the network's lock.</summary>
    public SortedDictionary<string, SimulatedConnection> Connections { get; } = new(StringComparer.Ordinal);

    private static ErlangTuple Control(params object?[] items) => new(items);

    // ---- Sending -------------------------------------------------------------------------------

    public void Send(Pid from, Pid to, object message)
    {
        var node = to.RemoteNode!.Value.Name;
        if (_network.GetOrConnect(this, node) is { } c)
            _network.Transmit(c, Control(ControlTag.SendSender, from, to), message, from, to, isMessage: true);
        else _network.Unreachable(this, from, to, message);
    }

    public void SendRegistered(Pid from, string name, string node, object message)
    {
        if (_network.GetOrConnect(this, node) is { } c)
            _network.Transmit(c, Control(ControlTag.RegSend, from, new Atom(""), new Atom(name)), message, from, null, isMessage: true);
        else _network.Unreachable(this, from, null, message);
    }

    public void Link(Process local, Pid remote)
    {
        var c = _network.GetOrConnect(this, remote.RemoteNode!.Value.Name);
        if (c is null || !_network.Record(c, () => c.Links.Add((local.Self, remote))))
        {
            local.OnExitSignal(remote, NodeDistribution.NoConnection, viaLink: true);
            return;
        }
        _network.Transmit(c, Control(ControlTag.Link, local.Self, remote));
    }

    public void Unlink(Pid local, Pid remote)
    {
        if (_network.Existing(this, remote.RemoteNode!.Value.Name) is not { } c) return;
        _network.Record(c, () => c.Links.Remove((local, remote)));
        _network.Transmit(c, Control(ControlTag.UnlinkId, Interlocked.Increment(ref _nextUnlinkId), local, remote));
    }

    public void ExitThroughLink(Pid from, Pid to, ExitReason reason)
    {
        if (_network.Existing(this, to.RemoteNode!.Value.Name) is not { } c) return;
        _network.Record(c, () => c.Links.Remove((from, to)));
        _network.Transmit(c, Control(ControlTag.PayloadExit, from, to), NodeDistribution.ReasonTerm(reason));
    }

    public void Exit2(Pid from, Pid to, ExitReason reason)
    {
        if (_network.GetOrConnect(this, to.RemoteNode!.Value.Name) is not { } c) return;
        _network.Transmit(c, Control(ControlTag.PayloadExit2, from, to), NodeDistribution.ReasonTerm(reason));
    }

    public void Monitor(Process watcher, Ref r, object target, string node, object item)
    {
        var c = _network.GetOrConnect(this, node);
        if (c is null || !_network.Record(c, () => c.WatchingRemote[r] = (watcher, item)))
        {
            watcher.OnRemoteDown(r, item, NodeDistribution.NoConnection);
            return;
        }
        _network.Transmit(c, Control(ControlTag.MonitorP, watcher.Self, target, r));
    }

    public void Demonitor(Pid watcher, Ref r, object target, string node)
    {
        if (_network.Existing(this, node) is not { } c) return;
        _network.Record(c, () => c.WatchingRemote.Remove(r));
        _network.Transmit(c, Control(ControlTag.DemonitorP, watcher, target, r));
    }

    public void MonitorExit(object fromProc, Pid watcher, Ref r, ExitReason reason)
    {
        if (_network.Existing(this, watcher.RemoteNode!.Value.Name) is not { } c) return;
        _network.Record(c, () => c.WatchedByRemote.Remove(r));
        _network.Transmit(c, Control(ControlTag.PayloadMonitorPExit, fromProc, watcher, r), NodeDistribution.ReasonTerm(reason));
    }

    // ---- Spawning across nodes ----------------------------------------------------------------

    public bool SendSpawnRequest(Process spawner, string node, Ref request, Pid groupLeader, Atom module, Atom function,
        IReadOnlyList<object?> args, bool link, bool monitor, bool awaitReply = true)
    {
        if (_network.GetOrConnect(this, node) is not { } c) return false;
        if (awaitReply) lock (_pendingSpawns) _pendingSpawns[request] = spawner;
        _network.Transmit(c, Control(ControlTag.SpawnRequest, request, spawner.Self, groupLeader,
            new ErlangTuple(module, function, args.Count), RemoteSpawn.Options(link, monitor)), new ErlangList([.. args]));
        return true;
    }

    public void ForgetSpawnRequest(Ref request)
    {
        lock (_pendingSpawns) _pendingSpawns.Remove(request);
    }

    /// <summary>As <see cref="NodeDistribution.OnSpawnRequest"/>: link and monitor set up, the
    /// reply sent, then the process started, so its exit signals follow the reply.</summary>
    private void OnSpawnRequest(SimulatedConnection c, Ref request, Pid from, Pid groupLeader, Atom module, Atom function, ErlangList options, ErlangList args)
    {
        var (link, monitor) = RemoteSpawn.ReadOptions(options);
        var p = RemoteSpawn.Prepare(Node, from, groupLeader, module, function, args);
        var flags = 0;
        if (link && p.AddRemoteLink(from) && _network.Record(c, () => c.Links.Add((p.Self, from)))) flags |= RemoteSpawn.Linked;
        if (monitor && p.AddRemoteWatcher(request, from, p.Self) && _network.Record(c, () => c.WatchedByRemote[request] = p)) flags |= RemoteSpawn.Monitored;
        _network.Transmit(c, Control(ControlTag.SpawnReply, request, from, flags, p.Self));
        p.Start();
    }

    private void OnSpawnReply(SimulatedConnection c, Ref request, Pid to, int flags, object result)
    {
        Process? spawner;
        lock (_pendingSpawns)
            if (!_pendingSpawns.Remove(request, out spawner) || spawner.Self != to) return;
        if (result is Pid child)
        {
            if ((flags & RemoteSpawn.Linked) != 0)
            {
                if (!spawner.AddRemoteLink(child) || !_network.Record(c, () => c.Links.Add((spawner.Self, child))))
                    ExitThroughLink(spawner.Self, child, ExitReason.NoProc);
            }
            if ((flags & RemoteSpawn.Monitored) != 0 && spawner.AddSpawnMonitor(request, child, c.Peer.Name))
                _network.Record(c, () => c.WatchingRemote[request] = (spawner, child));
        }
        spawner.Deliver(new SpawnReply(request, result));
    }

    public void Log(string line) => (Node.Options.DistributionLog ?? Console.Error.WriteLine)(line);

    // ---- Node monitors -------------------------------------------------------------------------

    public void MonitorNode(Process p, string node, bool on)
    {
        if (!on)
        {
            lock (_nodeMonitors)
                if (_nodeMonitors.TryGetValue(node, out var list)) list.Remove(p.Self);
            return;
        }
        if (_network.GetOrConnect(this, node) is not null)
        {
            lock (_nodeMonitors)
            {
                if (!_nodeMonitors.TryGetValue(node, out var list)) _nodeMonitors[node] = list = [];
                list.Add(p.Self);
            }
            return;
        }
        p.Deliver(new ErlangTuple(s_nodeDown, new Atom(node)));
    }

    public void MonitorNodes(Process p, bool on)
    {
        lock (_allNodesMonitors)
        {
            if (on) _allNodesMonitors.Add(p.Self);
            else _allNodesMonitors.Remove(p.Self);
        }
    }

    /// <summary>A connection came up: <c>nodeup</c> to every <c>monitor_nodes</c> subscriber.</summary>
    public void OnConnectionUp(string peer)
    {
        Pid[] all;
        lock (_allNodesMonitors) all = [.. _allNodesMonitors];
        foreach (var p in all) p.Process?.Deliver(new ErlangTuple(s_nodeUp, new Atom(peer)));
    }

    /// <summary>A connection broke: as on a real node, EXIT <c>noconnection</c> to linked
    /// processes, then DOWN <c>noconnection</c> to monitors, then <c>nodedown</c> to
    /// <c>monitor_node</c> and then to <c>monitor_nodes</c> subscribers (the order two erl
    /// nodes show; the tests compare it).</summary>
    public void OnConnectionDown(SimulatedConnection c, (Pid Local, Pid Remote)[] links,
        KeyValuePair<Ref, (Process Watcher, object Item)>[] watching, KeyValuePair<Ref, Process>[] watched)
    {
        foreach (var (local, remote) in links) local.Process?.OnExitSignal(remote, NodeDistribution.NoConnection, viaLink: true);
        foreach (var (r, (watcher, item)) in watching) watcher.OnRemoteDown(r, item, NodeDistribution.NoConnection);
        foreach (var (r, target) in watched) target.RemoveRemoteWatcher(r);
        Pid[] subscribers;
        lock (_nodeMonitors) subscribers = _nodeMonitors.Remove(c.Peer.Name, out var list) ? [.. list] : [];
        Pid[] all;
        lock (_allNodesMonitors) all = [.. _allNodesMonitors];
        var down = new ErlangTuple(s_nodeDown, new Atom(c.Peer.Name));
        foreach (var p in subscribers.Concat(all)) p.Process?.Deliver(down);
    }

    // ---- Receiving -----------------------------------------------------------------------------

    /// <summary>A frame arrived on <paramref name="c"/> (this node's end): decode it as this
    /// node and act on it, as the real node's control dispatcher does.</summary>
    public void Receive(SimulatedConnection c, Transit t)
    {
        var control = (ErlangTuple)ExternalTermFormat.Decode(t.Control, Context);
        var payload = t.Payload is null ? null : ExternalTermFormat.Decode(t.Payload, Context);
        switch ((int)control[0]!)
        {
            case ControlTag.SendSender:
                ((Pid)control[2]!).Process?.Deliver(payload!);
                break;
            case ControlTag.RegSend:
                if (Node.WhereIs(((Atom)control[3]!).Name) is { } named) named.Process?.Deliver(payload!);
                break;
            case ControlTag.Link:
                OnLink(c, (Pid)control[1]!, (Pid)control[2]!);
                break;
            case ControlTag.UnlinkId:
                {
                    var (from, to) = ((Pid)control[2]!, (Pid)control[3]!);
                    _network.Record(c, () => c.Links.Remove((to, from)));
                    to.Process?.RemoveRemoteLink(from);
                    break;
                }
            case ControlTag.PayloadExit:
                {
                    var (from, to) = ((Pid)control[1]!, (Pid)control[2]!);
                    _network.Record(c, () => c.Links.Remove((to, from)));
                    to.Process?.OnExitSignal(from, new ExitReason(payload!), viaLink: true);
                    break;
                }
            case ControlTag.PayloadExit2:
                ((Pid)control[2]!).Process?.OnExitSignal((Pid)control[1]!, new ExitReason(payload!), viaLink: false);
                break;
            case ControlTag.MonitorP:
                OnMonitor(c, (Pid)control[1]!, control[2]!, (Ref)control[3]!);
                break;
            case ControlTag.DemonitorP:
                {
                    Process? target = null;
                    _network.Record(c, () => c.WatchedByRemote.Remove((Ref)control[3]!, out target));
                    target?.RemoveRemoteWatcher((Ref)control[3]!);
                    break;
                }
            case ControlTag.PayloadMonitorPExit:
                {
                    (Process Watcher, object Item) entry = default;
                    var r = (Ref)control[3]!;
                    if (_network.Record(c, () => c.WatchingRemote.Remove(r, out entry)) && entry.Watcher is not null)
                        entry.Watcher.OnRemoteDown(r, entry.Item!, new ExitReason(payload!));
                    break;
                }
            case ControlTag.SpawnRequest:
                {
                    var mfa = (ErlangTuple)control[4]!;
                    OnSpawnRequest(c, (Ref)control[1]!, (Pid)control[2]!, (Pid)control[3]!, (Atom)mfa[0]!, (Atom)mfa[1]!, (ErlangList)control[5]!, (ErlangList)payload!);
                    break;
                }
            case ControlTag.SpawnReply:
                OnSpawnReply(c, (Ref)control[1]!, (Pid)control[2]!, (int)control[3]!, control[4]!);
                break;
            default:
                throw new InvalidOperationException($"the simulated network carried an unknown control message {Otp.Terms.Term.Format(control)}");
        }
    }

    private void OnLink(SimulatedConnection c, Pid from, Pid to)
    {
        if (to.IsLocal && to.Process is { } p && p.AddRemoteLink(from) && _network.Record(c, () => c.Links.Add((to, from)))) return;
        // As the BEAM: linking to a process that does not exist gets an exit signal noproc back.
        ExitThroughLink(to, from, ExitReason.NoProc);
    }

    private void OnMonitor(SimulatedConnection c, Pid watcher, object target, Ref r)
    {
        var p = target switch
        {
            Pid { IsLocal: true } pid => pid.Process,
            Atom name => Node.WhereIs(name.Name)?.Process,
            _ => null,
        };
        if (p is not null && p.AddRemoteWatcher(r, watcher, target) && _network.Record(c, () => c.WatchedByRemote[r] = p)) return;
        MonitorExit(target, watcher, r, ExitReason.NoProc);
    }

    // ---- The cluster API -----------------------------------------------------------------------

    public IReadOnlyList<string> Nodes(NodeVisibility which) =>
        (which & NodeVisibility.Visible) != 0 ? _network.ConnectedPeers(this) : [];

    public Task<bool> ConnectAsync(string node) => Task.FromResult(_network.GetOrConnect(this, node) is not null);

    public bool Disconnect(string node) => _network.Disconnect(this, node);

    /// <summary><c>net_adm:ping/1</c>: <c>pang</c> at once when the node cannot be reached (as
    /// for a node that is not running; a real partition would make the caller wait for the
    /// connection attempt to time out); otherwise <c>pong</c> after a round trip.</summary>
    public async Task<bool> PingAsync(string node, TimeSpan timeout)
    {
        if (_network.GetOrConnect(this, node) is not { } c) return false;
        // A connection cut off by a partition it has not noticed yet answers when the partition
        // heals, or never (pang when it breaks or the wait is over).
        if (_network.CutOff(c) is { } resolved)
        {
            await Scheduler.RunUntilAsync(resolved, timeout).ConfigureAwait(false);
            if (!_network.IsUp(c) || _network.CutOff(c) is not null) return false;
        }
        var roundTrip = _network.Options.Latency * 2;
        if (roundTrip > timeout) return false;
        if (roundTrip > TimeSpan.Zero)
            await Scheduler.RunUntilAsync(new TaskCompletionSource().Task, roundTrip).ConfigureAwait(false);
        return _network.IsUp(c);
    }

    public ValueTask DisposeAsync()
    {
        _network.Stop(this);
        return ValueTask.CompletedTask;
    }
}
