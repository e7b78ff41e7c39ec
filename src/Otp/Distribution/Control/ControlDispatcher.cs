using Otp.Distribution.Connections;
using Otp.Distribution.Terms;

namespace Otp.Distribution.Control;

/// <summary>
/// Decodes one connected-phase frame and acts on it: delivers messages, applies link, exit and
/// monitor signals to local processes, answers what must be answered (noproc for a link or
/// monitor of a process that does not exist, UNLINK_ID_ACK). A frame that breaks the protocol
/// throws <see cref="BadFrameException"/>, which closes only its connection.
/// </summary>
internal sealed class ControlDispatcher(NodeDistribution owner)
{

    public void Dispatch(Connection c, ReadOnlySpan<byte> frame)
    {
        if (frame[0] != Frame.PassThrough)
            throw new BadFrameException($"frame starts with {frame[0]}, not the pass-through tag 112 (no atom cache was negotiated)");
        object control;
        object? payload = null;
        var hasPayload = false;
        try
        {
            var rest = frame[1..];
            control = ExternalTermFormat.Decode(rest, owner.Context, out var used);
            if (used < rest.Length)
            {
                payload = ExternalTermFormat.Decode(rest[used..], owner.Context);
                hasPayload = true;
            }
        }
        catch (ExternalTermFormatException e)
        {
            throw new BadFrameException($"bad term in a frame: {e.Message}", e);
        }
        if (control is not ErlangTuple { Length: >= 1 } t || !TryInt(t[0], out var op))
            throw new BadFrameException($"control message is not a tuple with an operation number: {Otp.Terms.Term.Format(control)}");
        Apply(c, op, t, payload, hasPayload);
    }

    private void Apply(Connection c, int op, ErlangTuple t, object? payload, bool hasPayload)
    {
        switch (op)
        {
            case ControlTag.Send when t.Length == 3 && hasPayload:
            case ControlTag.SendTT when t.Length == 4 && hasPayload:
                DeliverTo(Pid(t[2]), payload!);
                break;
            case ControlTag.SendSender when t.Length == 3 && hasPayload:
            case ControlTag.SendSenderTT when t.Length == 4 && hasPayload:
                Pid(t[1]);
                DeliverTo(Pid(t[2]), payload!);
                break;
            case ControlTag.RegSend when t.Length == 4 && hasPayload:
            case ControlTag.RegSendTT when t.Length == 5 && hasPayload:
                Pid(t[1]);
                if (owner.Node.WhereIs(Name(t[3])) is { } named) named.Process?.Deliver(payload!);
                break;
            case ControlTag.AliasSend when t.Length == 3 && hasPayload:
            case ControlTag.AliasSendTT when t.Length == 4 && hasPayload:
                RequireRemote(c, Pid(t[1]));
                DeliverToAlias(Ref(t[2]), payload!);
                break;
            case ControlTag.Link when t.Length == 3:
                OnLink(c, Pid(t[1]), Pid(t[2]));
                break;
            case ControlTag.Unlink when t.Length == 3:
                OnUnlink(c, Pid(t[1]), Pid(t[2]));
                break;
            case ControlTag.UnlinkId when t.Length == 4:
                OnUnlink(c, Pid(t[2]), Pid(t[3]));
                c.Enqueue(Frame.Build(new ErlangTuple(ControlTag.UnlinkIdAck, t[1], t[3], t[2]), null, false, owner.Context));
                break;
            case ControlTag.UnlinkIdAck when t.Length == 4:
                break;
            case ControlTag.Exit when t.Length == 4:
                OnExit(c, Pid(t[1]), Pid(t[2]), t[3], viaLink: true);
                break;
            case ControlTag.ExitTT when t.Length == 5:
                OnExit(c, Pid(t[1]), Pid(t[2]), t[4], viaLink: true);
                break;
            case ControlTag.PayloadExit when t.Length == 3 && hasPayload:
            case ControlTag.PayloadExitTT when t.Length == 4 && hasPayload:
                OnExit(c, Pid(t[1]), Pid(t[2]), payload, viaLink: true);
                break;
            case ControlTag.Exit2 when t.Length == 4:
                OnExit(c, Pid(t[1]), Pid(t[2]), t[3], viaLink: false);
                break;
            case ControlTag.Exit2TT when t.Length == 5:
                OnExit(c, Pid(t[1]), Pid(t[2]), t[4], viaLink: false);
                break;
            case ControlTag.PayloadExit2 when t.Length == 3 && hasPayload:
            case ControlTag.PayloadExit2TT when t.Length == 4 && hasPayload:
                OnExit(c, Pid(t[1]), Pid(t[2]), payload, viaLink: false);
                break;
            case ControlTag.MonitorP when t.Length == 4:
                OnMonitor(c, Pid(t[1]), t[2], Ref(t[3]));
                break;
            case ControlTag.DemonitorP when t.Length == 4:
                OnDemonitor(c, Ref(t[3]));
                break;
            case ControlTag.MonitorPExit when t.Length == 5:
                OnMonitorExit(c, Ref(t[3]), t[4]);
                break;
            case ControlTag.PayloadMonitorPExit when t.Length == 4 && hasPayload:
                OnMonitorExit(c, Ref(t[3]), payload);
                break;
            case ControlTag.SpawnRequest when t.Length == 6 && hasPayload:
            case ControlTag.SpawnRequestTT when t.Length == 7 && hasPayload:
                OnSpawnRequest(c, t, payload);
                break;
            case ControlTag.SpawnReply when t.Length == 5:
            case ControlTag.SpawnReplyTT when t.Length == 6:
                owner.OnSpawnReply(c, Ref(t[1]), Pid(t[2]), TryInt(t[3], out var flags) ? flags : throw new BadFrameException($"SPAWN_REPLY flags {Otp.Terms.Term.Format(t[3])}"), t[4]!);
                break;
            case ControlTag.GroupLeader when t.Length == 3:
                break; // group_leader(GL, Pid) from another node is not supported: Pid keeps its group leader.
            default:
                throw new BadFrameException($"unknown or malformed control message {Otp.Terms.Term.Format(t)}");
        }
    }

    private void OnSpawnRequest(Connection c, ErlangTuple t, object? args)
    {
        var from = Pid(t[2]);
        RequireRemote(c, from);
        if (t[4] is not ErlangTuple { Length: 3 } mfa || mfa[0] is not Atom module || mfa[1] is not Atom function
            || t[5] is not ErlangList { IsProper: true } options || args is not ErlangList { IsProper: true } list)
            throw new BadFrameException($"malformed SPAWN_REQUEST {Otp.Terms.Term.Format(t)}");
        owner.OnSpawnRequest(c, Ref(t[1]), from, Pid(t[3]), module, function, options, list);
    }

    private static void DeliverTo(Pid to, object message)
    {
        if (!to.IsLocal) throw new BadFrameException($"message for {to}, which is not a process of this node");
        to.Process?.Deliver(message);
    }

    // An alias that is not (or no longer) active is not an error: the message is dropped, as
    // the BEAM drops it, which is what makes unalias/1 and gen_server call timeouts work.
    private void DeliverToAlias(Ref alias, object message)
    {
        if (!alias.IsLocal) throw new BadFrameException($"ALIAS_SEND to {alias}, which is not a reference of this node");
        owner.Node.AliasOwner(alias)?.DeliverToAlias(alias, message);
    }

    private void OnLink(Connection c, Pid from, Pid to)
    {
        RequireRemote(c, from);
        if (to.IsLocal && to.Process is { } p && p.AddRemoteLink(from))
        {
            lock (c.Gate) c.Links.Add((to, from));
            return;
        }
        // As the BEAM: linking to a process that does not exist gets an exit signal noproc back.
        owner.ExitThroughLink(to, from, ExitReason.NoProc);
    }

    private static void OnUnlink(Connection c, Pid from, Pid to)
    {
        lock (c.Gate) c.Links.Remove((to, from));
        to.Process?.RemoveRemoteLink(from);
    }

    private static void OnExit(Connection c, Pid from, Pid to, object? reason, bool viaLink)
    {
        RequireRemote(c, from);
        if (viaLink) lock (c.Gate) c.Links.Remove((to, from));
        to.Process?.OnExitSignal(from, new ExitReason(reason ?? new Atom("undefined")), viaLink);
    }

    private void OnMonitor(Connection c, Pid watcher, object? target, Ref r)
    {
        RequireRemote(c, watcher);
        Process? p = target switch
        {
            Pid { IsLocal: true } pid => pid.Process,
            Atom name => owner.Node.WhereIs(name.Name)?.Process,
            _ => throw new BadFrameException($"MONITOR_P of {Otp.Terms.Term.Format(target)}, neither a local pid nor a name"),
        };
        if (p is not null && p.AddRemoteWatcher(r, watcher, target!))
        {
            lock (c.Gate) c.WatchedByRemote[r] = p;
            return;
        }
        owner.MonitorExit(target!, watcher, r, ExitReason.NoProc);
    }

    private static void OnDemonitor(Connection c, Ref r)
    {
        Process? target;
        lock (c.Gate) c.WatchedByRemote.Remove(r, out target);
        target?.RemoveRemoteWatcher(r);
    }

    private static void OnMonitorExit(Connection c, Ref r, object? reason)
    {
        (Process Watcher, Pid? Target, object Item) entry;
        lock (c.Gate)
            if (!c.WatchingRemote.Remove(r, out entry)) return;
        entry.Watcher.OnRemoteDown(r, entry.Item, new ExitReason(reason ?? new Atom("undefined")));
    }

    private static void RequireRemote(Connection c, Pid from)
    {
        if (from.IsLocal || from.RemoteNode!.Value.Name != c.PeerName)
            throw new BadFrameException($"signal claims to come from {from}, which is not a process of {c.PeerName}");
    }

    private static Pid Pid(object? o) => o as Pid ?? throw new BadFrameException($"expected a pid, got {Otp.Terms.Term.Format(o)}");

    private static Ref Ref(object? o) => o as Ref ?? throw new BadFrameException($"expected a reference, got {Otp.Terms.Term.Format(o)}");

    private static string Name(object? o) => o is Atom a ? a.Name : throw new BadFrameException($"expected an atom, got {Otp.Terms.Term.Format(o)}");

    private static bool TryInt(object? o, out int value)
    {
        switch (o)
        {
            case int i: value = i; return true;
            case long l when l is >= 0 and <= 255: value = (int)l; return true;
            case byte b: value = b; return true;
            default: value = 0; return false;
        }
    }
}
