namespace Otp;

public sealed partial class Process
{
    /// <summary>
    /// Erlang's <c>monitor(process, {Name, Node})</c>: monitors the process registered as
    /// <paramref name="name"/> on <paramref name="node"/> (this node or another). The
    /// <see cref="Down"/> names it as a <see cref="RegisteredName"/>; its reason is <c>noproc</c>
    /// if no such process exists and <c>noconnection</c> if the node cannot be reached or the
    /// connection is lost.
    /// </summary>
    public Ref Monitor(string name, string node)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(node);
        if (node == Node.Name) return Monitor(name);
        return MonitorRemote(new Atom(name), node, new RegisteredName(name, node));
    }

    /// <summary>
    /// Erlang's <c>{Name, Node} ! Message</c>: sends to the process registered as
    /// <paramref name="name"/> on <paramref name="node"/>, connecting to that node if needed.
    /// As in Erlang, a message to a node that cannot be reached, or to a name nobody has there,
    /// is dropped without an error.
    /// </summary>
    /// <exception cref="BadArgException">On this node: the name is not registered. To another
    /// node: the message has no Erlang form (see docs/distribution.md).</exception>
    public void Send(string name, string node, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ThrowIfExited();
        if (node == Node.Name)
        {
            Send(name, message);
            return;
        }
        _reductions++;
        Node.SendRemote(Self, name, node, message);
    }

    /// <summary>
    /// Erlang's <c>monitor_node(Node, Flag)</c>: with <paramref name="on"/>, a
    /// <c>{nodedown, Node}</c> tuple (an <see cref="ErlangTuple"/>) arrives when the connection to
    /// <paramref name="node"/> is lost, or at once if it cannot be made; each call adds one such
    /// message. With false, one earlier call is undone.
    /// </summary>
    public void MonitorNode(string node, bool on = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ThrowIfExited();
        if (Node.Remote is { } d) d.MonitorNode(this, node, on);
        else if (on) Deliver(new ErlangTuple(new Atom("nodedown"), new Atom(node)));
    }

    /// <summary>Erlang's <c>net_kernel:monitor_nodes(Flag)</c>: <c>{nodeup, Node}</c> and
    /// <c>{nodedown, Node}</c> for every node that connects or disconnects from now on.</summary>
    public void MonitorNodes(bool on = true)
    {
        ThrowIfExited();
        Node.Remote?.MonitorNodes(this, on);
    }

    private void LinkRemote(Pid pid)
    {
        bool isNew;
        lock (_gate) isNew = (_links ??= []).Add(pid);
        if (!isNew) return;
        Node.Tracer?.Linked(Self, pid);
        if (Node.Remote is { } d) d.Link(this, pid);
        else OnExitSignal(pid, ExitReason.Of("noconnection"), viaLink: true);
    }

    private Ref MonitorRemote(object target, string node, object item)
    {
        ThrowIfExited();
        var r = MakeRef();
        lock (_gate) (_watchingRemote ??= [])[r] = (target, node, item);
        if (Node.Remote is { } d) d.Monitor(this, r, target, node, item);
        else OnRemoteDown(r, item, ExitReason.Of("noconnection"));
        return r;
    }

    /// <summary>A LINK from a process of another node. False if this process is dead.</summary>
    internal bool AddRemoteLink(Pid remote) => AddLink(remote);

    internal void RemoveRemoteLink(Pid remote)
    {
        lock (_gate) _links?.Remove(remote);
    }

    /// <summary>A MONITOR_P from a process of another node. False if this process is dead.</summary>
    internal bool AddRemoteWatcher(Ref r, Pid watcher, object item) => AddWatcher(r, watcher, item);

    internal void RemoveRemoteWatcher(Ref r)
    {
        lock (_gate) _watchers?.Remove(r);
    }

    /// <summary>The DOWN of a monitor on another node (MONITOR_P_EXIT, or the connection lost).
    /// Dropped if the monitor was removed meanwhile.</summary>
    internal void OnRemoteDown(Ref r, object item, ExitReason reason)
    {
        lock (_gate)
        {
            if (_watchingRemote is null || !_watchingRemote.Remove(r)) return;
        }
        Deliver(new Down(r, item, reason));
    }
}
