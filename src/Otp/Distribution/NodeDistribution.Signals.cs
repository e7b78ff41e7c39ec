using Otp.Distribution.Connections;
using Otp.Distribution.Control;
using Otp.Distribution.Handshake;

namespace Otp.Distribution;

internal sealed partial class NodeDistribution
{
    private static readonly Atom s_empty = new("");
    private static readonly ExitReason s_noConnection = ExitReason.Of("noconnection");
    private readonly Dictionary<string, List<Pid>> _nodeMonitors = new(StringComparer.Ordinal);
    private readonly List<Pid> _allNodesMonitors = [];
    private long _nextUnlinkId;

    /// <summary>The reason every link and monitor across a lost connection reports.</summary>
    public static ExitReason NoConnection => s_noConnection;

    private static ErlangTuple Control(params object?[] items) => new(items);

    private byte[] FrameOf(ErlangTuple control, object? payload = null, bool hasPayload = false) =>
        Frame.Build(control, payload, hasPayload, Context);

    /// <summary>Erlang's <c>To ! Message</c> for a pid of another node. Encodes on the caller's
    /// thread; dropped silently when the node cannot be reached.</summary>
    /// <exception cref="BadArgException">The message has no Erlang form.</exception>
    public void Send(Pid from, Pid to, object message)
    {
        if (GetOrConnect(to.RemoteNode!.Value.Name) is not { } c) return;
        // SEND_SENDER tells the receiver who sent it; only a peer that offered the flag
        // understands it, and while the handshake runs the flags are not known yet.
        var control = (c.Flags & DistributionFlags.SendSender) != 0
            ? Control(ControlTag.SendSender, from, to)
            : Control(ControlTag.Send, s_empty, to);
        c.Enqueue(Encode(control, message));
    }

    /// <summary>Erlang's <c>Alias ! Message</c> for an alias made on another node: ALIAS_SEND
    /// <c>{33, From, Alias}</c>. A peer that did not offer ALIAS (before OTP 24) would not know
    /// it, so there the message is dropped, as erl drops it; while the handshake runs the flags
    /// are not known yet, and the frame is sent (the alias came from that node, so it knows aliases).</summary>
    /// <exception cref="BadArgException">The message has no Erlang form.</exception>
    public void SendAlias(Pid from, Ref alias, object message)
    {
        if (GetOrConnect(alias.RemoteNode!.Value.Name) is not { } c) return;
        if (c.State == ConnectionState.Up && (c.Flags & DistributionFlags.Alias) == 0) return;
        c.Enqueue(Encode(Control(ControlTag.AliasSend, from, alias), message));
    }

    /// <summary>Erlang's <c>{Name, Node} ! Message</c>.</summary>
    /// <exception cref="BadArgException">The message has no Erlang form.</exception>
    public void SendRegistered(Pid from, string name, string node, object message)
    {
        if (GetOrConnect(node) is not { } c) return;
        c.Enqueue(Encode(Control(ControlTag.RegSend, from, s_empty, new Atom(name)), message));
    }

    private byte[] Encode(ErlangTuple control, object message)
    {
        try
        {
            return FrameOf(control, message, hasPayload: true);
        }
        catch (ArgumentException e)
        {
            throw new BadArgException($"cannot send {Otp.Terms.Term.Format(message)} to another node: {e.Message}");
        }
    }

    /// <summary>The remote half of <see cref="Process.Link"/>: LINK, remembered so that a lost
    /// connection signals <c>noconnection</c>.</summary>
    public void Link(Process local, Pid remote)
    {
        var c = GetOrConnect(remote.RemoteNode!.Value.Name);
        if (c is null || !TryRecord(c, () => c.Links.Add((local.Self, remote))))
        {
            local.OnExitSignal(remote, NoConnection, viaLink: true);
            return;
        }
        c.Enqueue(FrameOf(Control(ControlTag.Link, local.Self, remote)));
    }

    /// <summary>The remote half of <see cref="Process.Unlink"/>: UNLINK_ID (or the old UNLINK for
    /// a peer without the new link protocol).</summary>
    public void Unlink(Pid local, Pid remote)
    {
        if (Existing(remote.RemoteNode!.Value.Name) is not { } c) return;
        lock (c.Gate) c.Links.Remove((local, remote));
        var id = Interlocked.Increment(ref _nextUnlinkId);
        c.Enqueue(FrameOf((c.Flags & DistributionFlags.UnlinkId) != 0 || c.State == ConnectionState.Pending
            ? Control(ControlTag.UnlinkId, id, local, remote)
            : Control(ControlTag.Unlink, local, remote)));
    }

    /// <summary>Exit signal through a link, sent when <paramref name="from"/> ends.</summary>
    public void ExitThroughLink(Pid from, Pid to, ExitReason reason)
    {
        if (Existing(to.RemoteNode!.Value.Name) is not { } c) return;
        lock (c.Gate) c.Links.Remove((from, to));
        c.Enqueue(ExitFrame(c, ControlTag.Exit, ControlTag.PayloadExit, from, to, reason));
    }

    /// <summary>Erlang's <c>exit(RemotePid, Reason)</c>.</summary>
    public void Exit2(Pid from, Pid to, ExitReason reason)
    {
        if (GetOrConnect(to.RemoteNode!.Value.Name) is not { } c) return;
        c.Enqueue(ExitFrame(c, ControlTag.Exit2, ControlTag.PayloadExit2, from, to, reason));
    }

    private byte[] ExitFrame(Connection c, int plain, int payload, Pid from, Pid to, ExitReason reason)
    {
        var term = ReasonTerm(reason);
        return (c.Flags & DistributionFlags.ExitPayload) != 0
            ? FrameOf(Control(payload, from, to), term, hasPayload: true)
            : FrameOf(Control(plain, from, to, term));
    }

    /// <summary>The remote half of a monitor of a process (by pid, or by name on
    /// <paramref name="node"/>).</summary>
    public void Monitor(Process watcher, Ref r, object target, string node, object item)
    {
        var c = GetOrConnect(node);
        if (c is null || !TryRecord(c, () => c.WatchingRemote[r] = (watcher, target as Pid, item)))
        {
            watcher.OnRemoteDown(r, item, NoConnection);
            return;
        }
        c.Enqueue(FrameOf(Control(ControlTag.MonitorP, watcher.Self, target, r)));
    }

    /// <summary>The remote half of <see cref="Process.Demonitor"/>.</summary>
    public void Demonitor(Pid watcher, Ref r, object target, string node)
    {
        if (Existing(node) is not { } c) return;
        lock (c.Gate) c.WatchingRemote.Remove(r);
        c.Enqueue(FrameOf(Control(ControlTag.DemonitorP, watcher, target, r)));
    }

    /// <summary>A monitored process of this node ended: tell the remote watcher.</summary>
    public void MonitorExit(object fromProc, Pid watcher, Ref r, ExitReason reason)
    {
        if (Existing(watcher.RemoteNode!.Value.Name) is not { } c) return;
        lock (c.Gate) c.WatchedByRemote.Remove(r);
        var term = ReasonTerm(reason);
        c.Enqueue((c.Flags & DistributionFlags.ExitPayload) != 0
            ? FrameOf(Control(ControlTag.PayloadMonitorPExit, fromProc, watcher, r), term, hasPayload: true)
            : FrameOf(Control(ControlTag.MonitorPExit, fromProc, watcher, r, term)));
    }

    /// <summary>Records a link or monitor unless the connection is already down (then the caller
    /// signals <c>noconnection</c> itself).</summary>
    private static bool TryRecord(Connection c, Action record)
    {
        lock (c.Gate)
        {
            if (c.State == ConnectionState.Down) return false;
            record();
            return true;
        }
    }

    /// <summary>The term an exit reason travels as. A C# crash becomes <c>{ErrorName, Message}</c>,
    /// the shape Erlang observers see for <c>{Reason, Stacktrace}</c>.</summary>
    public static object ReasonTerm(ExitReason reason) => reason.Term switch
    {
        ExitException e => ReasonTerm(e.Reason),
        Modules.ModuleCallException e => e.ExitTerm,
        ErlangErrorException e => new ErlangTuple(e.Reason, e.Message),
        Exception e => new ErlangTuple(new Atom(e.GetType().Name), e.Message),
        var t => t,
    };

    // ---- Node monitors -------------------------------------------------------------------------

    /// <summary>Erlang's <c>monitor_node(Node, true|false)</c>.</summary>
    public void MonitorNode(Process p, string node, bool on)
    {
        if (!on)
        {
            lock (_nodeMonitors)
                if (_nodeMonitors.TryGetValue(node, out var list)) list.Remove(p.Self);
            return;
        }
        var c = GetOrConnect(node);
        lock (_nodeMonitors)
        {
            if (c is not null && c.State != ConnectionState.Down)
            {
                if (!_nodeMonitors.TryGetValue(node, out var list)) _nodeMonitors[node] = list = [];
                list.Add(p.Self);
                return;
            }
        }
        p.Deliver(new ErlangTuple(new Atom("nodedown"), new Atom(node)));
    }

    /// <summary>Erlang's <c>net_kernel:monitor_nodes(true|false)</c>: nodeup and nodedown for every node.</summary>
    public void MonitorNodes(Process p, bool on)
    {
        lock (_allNodesMonitors)
        {
            if (on) _allNodesMonitors.Add(p.Self);
            else _allNodesMonitors.Remove(p.Self);
        }
    }

    private void OnConnectionUp(Connection c)
    {
        Pid[] all;
        lock (_allNodesMonitors) all = [.. _allNodesMonitors];
        foreach (var p in all) p.Process?.Deliver(new ErlangTuple(new Atom("nodeup"), new Atom(c.PeerName)));
    }

    /// <summary>A connection closed: forget it, then <c>noconnection</c> to links and monitors
    /// across it and <c>nodedown</c> to node monitors.</summary>
    public void OnConnectionDown(Connection c, string why)
    {
        lock (_connectGate)
            _connections.TryRemove(new KeyValuePair<string, Connection>(c.PeerName, c));
        (Pid Local, Pid Remote)[] links;
        KeyValuePair<Ref, (Process Watcher, Pid? Target, object Item)>[] watching;
        KeyValuePair<Ref, Process>[] watched;
        lock (c.Gate)
        {
            links = [.. c.Links];
            watching = [.. c.WatchingRemote];
            watched = [.. c.WatchedByRemote];
            c.Links.Clear();
            c.WatchingRemote.Clear();
            c.WatchedByRemote.Clear();
        }
        foreach (var (local, remote) in links) local.Process?.OnExitSignal(remote, NoConnection, viaLink: true);
        foreach (var (r, (watcher, _, item)) in watching) watcher.OnRemoteDown(r, item, NoConnection);
        foreach (var (r, target) in watched) target.RemoveRemoteWatcher(r);
        Pid[] subscribers;
        lock (_nodeMonitors)
        {
            subscribers = _nodeMonitors.Remove(c.PeerName, out var list) ? [.. list] : [];
        }
        var wasUp = c.Handshake is not null;
        Pid[] all;
        lock (_allNodesMonitors) all = wasUp ? [.. _allNodesMonitors] : [];
        var down = new ErlangTuple(new Atom("nodedown"), new Atom(c.PeerName));
        foreach (var p in subscribers.Concat(all)) p.Process?.Deliver(down);
    }
}
