using System.Collections.Concurrent;
using Otp.Distribution.Connections;
using Otp.Distribution.Control;

namespace Otp.Distribution;

// Spawning across nodes: SPAWN_REQUEST (29) and SPAWN_REPLY (31), as erlang:spawn_request/5
// and the erts of the other node exchange them. Link and monitor are set up as part of the
// spawn, so no exit of the new process can slip between its start and the spawner's link.
internal sealed partial class NodeDistribution
{
    private readonly ConcurrentDictionary<Ref, Process> _pendingSpawns = new();

    /// <summary>
    /// A process of another node asks this node to run <c>M:F(Args)</c>. The new process gets
    /// the requester's group leader, links and monitors as the options ask (<c>link</c>,
    /// <c>monitor</c>; other options such as priorities are accepted and ignored), and the reply
    /// goes out before it starts, so any exit signal of it follows the reply on the wire.
    /// </summary>
    public void OnSpawnRequest(Connection c, Ref request, Pid from, Pid groupLeader, Atom module, Atom function, ErlangList options, ErlangList args)
    {
        var (link, monitor) = RemoteSpawn.ReadOptions(options);
        var p = RemoteSpawn.Prepare(Node, from, groupLeader, module, function, args);
        var flags = 0;
        if (link && p.AddRemoteLink(from))
        {
            lock (c.Gate) c.Links.Add((p.Self, from));
            flags |= RemoteSpawn.Linked;
        }
        if (monitor && p.AddRemoteWatcher(request, from, p.Self))
        {
            lock (c.Gate) c.WatchedByRemote[request] = p;
            flags |= RemoteSpawn.Monitored;
        }
        c.Enqueue(FrameOf(Control(ControlTag.SpawnReply, request, from, flags, p.Self)));
        p.Start();
    }

    /// <summary>The answer to a spawn request of a process of this node: records the link and
    /// monitor the other node set up, then hands the reply to the spawner.</summary>
    public void OnSpawnReply(Connection c, Ref request, Pid to, int flags, object result)
    {
        if (!_pendingSpawns.TryRemove(request, out var spawner) || spawner.Self != to) return;
        if (result is Pid child)
        {
            if (child.IsLocal || child.RemoteNode!.Value.Name != c.PeerName)
                throw new BadFrameException($"SPAWN_REPLY names {child}, which is not a process of {c.PeerName}");
            if ((flags & RemoteSpawn.Linked) != 0)
            {
                if (spawner.AddRemoteLink(child)) lock (c.Gate) c.Links.Add((spawner.Self, child));
                else ExitThroughLink(spawner.Self, child, ExitReason.NoProc);
            }
            if ((flags & RemoteSpawn.Monitored) != 0 && spawner.AddSpawnMonitor(request, child, c.PeerName))
                lock (c.Gate) c.WatchingRemote[request] = (spawner, child, child);
        }
        spawner.Deliver(new SpawnReply(request, result));
    }

    /// <summary>
    /// Sends a SPAWN_REQUEST for <c>M:F(Args)</c> to <paramref name="node"/> on behalf of
    /// <paramref name="spawner"/> (queued before the handshake if the connection is still being
    /// made); the <see cref="SpawnReply"/> arrives in its mailbox. False, and nothing sent, when
    /// the node cannot be reached at all. Every peer that passes the handshake speaks OTP 23's
    /// SPAWN_REQUEST, since HANDSHAKE_23 is mandatory.
    /// </summary>
    public bool SendSpawnRequest(Process spawner, string node, Ref request, Pid groupLeader, Atom module, Atom function, IReadOnlyList<object?> args, bool link, bool monitor, bool awaitReply = true)
    {
        if (GetOrConnect(node) is not { } c) return false;
        var frame = Encode(Control(ControlTag.SpawnRequest, request, spawner.Self, groupLeader,
            new ErlangTuple(module, function, args.Count), RemoteSpawn.Options(link, monitor)), new ErlangList([.. args]));
        if (awaitReply) _pendingSpawns[request] = spawner;
        c.Enqueue(frame);
        return true;
    }

    /// <summary>The spawner stopped waiting (its node lost the connection, or it timed out).</summary>
    public void ForgetSpawnRequest(Ref request) => _pendingSpawns.TryRemove(request, out _);
}
