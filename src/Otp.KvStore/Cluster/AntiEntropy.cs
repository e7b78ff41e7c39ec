using System.Runtime.CompilerServices;
using Otp.Crdts.Maps;
using Otp.Crdts.Replication;
using Otp.Distribution.Terms;
using Otp.KvStore.Http;

namespace Otp.KvStore.Cluster;

/// <summary>
/// The bookkeeping of one replica's anti-entropy, kept by its <see cref="ReplicaServer"/>: what
/// to send each peer on a round, what an acknowledgement settles, and what it all cost. The
/// messages are Erlang terms sent to <c>{kv_replica, Node}</c>, so they travel unchanged over TCP
/// and over the simulated network:
/// <list type="bullet">
/// <item><c>{kv_sync_state, FromNode, State}</c>: the whole state (<see cref="SyncMode.FullState"/>), joined, never answered;</item>
/// <item><c>{kv_sync_delta, FromNode, Interval, Base, UpTo}</c>: the join of this replica's own
/// deltas numbered <c>Base</c> to <c>UpTo - 1</c> (or its whole state, with <c>Base = 0</c>, once
/// the deltas the peer lacks were discarded);</item>
/// <item><c>{kv_join, Delta, FromReplica}</c> (a gen_server call or cast, the write quorum's path, see
/// <see cref="ReplicaServer"/>): a write that changes this replica is numbered with its own and
/// passed on to the other peers;</item>
/// <item><c>{kv_sync_ack, FromNode, Replica, Base, UpTo}</c>: the answer to a delta, naming the
/// acknowledging replica's incarnation. <c>{kv_sync_ack, FromNode, Replica, 0, 0}</c> also serves
/// as a greeting: a replica sends it to every peer it has not yet had a delta from, once a round.</item>
/// </list>
/// </summary>
/// <remarks>
/// In delta mode each replica numbers its own deltas (the writes made here) and sends a peer the
/// interval it has not acknowledged; a peer that is up to date costs nothing, and a lost delta or
/// ack is simply sent again on a later round. Deltas received by anti-entropy are not buffered:
/// their origin resends them until acknowledged (the full mesh needs no relaying). Writes received
/// by the write quorum's direct call are: a write stored on W replicas must spread even if its
/// origin stops right after. A restarted peer is a
/// new incarnation with an empty state, so its first acknowledgement cannot vouch for what its
/// earlier life had acknowledged: unless that interval started at 0, the peer is counted as
/// having nothing, and is sent everything on the next round even if there is nothing new. The
/// greeting makes sure a peer hears of a new incarnation even when it has nothing new to send
/// (a peer with nothing to send otherwise sends nothing). Deltas every peer has acknowledged are discarded.
/// </remarks>
internal sealed class AntiEntropy
{
    private static readonly Atom s_state = new("kv_sync_state"), s_delta = new("kv_sync_delta"), s_ack = new("kv_sync_ack");

    private readonly SyncMode _mode;
    private readonly string[] _peers;
    // Sequence number -> (the replica the write came from, null for this one; the delta).
    private readonly SortedDictionary<long, (string? Origin, MVMap<string, StoredValue> Delta)> _buffer = [];
    private readonly Dictionary<string, (string Replica, long UpTo)> _acked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _heard = new(StringComparer.Ordinal), _owed = new(StringComparer.Ordinal);
    private long _next;

    /// <param name="mode">Full state or delta intervals (relaying is for partial topologies, not this full mesh).</param>
    /// <param name="peers">The other nodes.</param>
    /// <exception cref="ArgumentException"><see cref="SyncMode.DeltaIntervalRelay"/>.</exception>
    public AntiEntropy(SyncMode mode, IEnumerable<string> peers)
    {
        if (mode is not (SyncMode.FullState or SyncMode.DeltaInterval))
            throw new ArgumentException($"the cluster store syncs by FullState or DeltaInterval, not {mode}", nameof(mode));
        _mode = mode;
        _peers = [.. peers.Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>What was sent so far; bytes are each message's size in the External Term Format.</summary>
    public SyncStats Stats { get; private set; } = SyncStats.None;

    /// <summary>A write made here changed the state by <paramref name="delta"/>: number it for the peers.</summary>
    public void Recorded(MVMap<string, StoredValue> delta)
    {
        if (_mode == SyncMode.DeltaInterval) _buffer[_next++] = (null, delta);
    }

    /// <summary>A write made on replica <paramref name="origin"/> reached this one directly (the write
    /// quorum's call) and changed its state: pass it on as if it were this replica's own, to every
    /// peer but its origin, so it spreads even if its origin stops before its own rounds do.</summary>
    public void Relayed(MVMap<string, StoredValue> delta, string origin)
    {
        if (_mode == SyncMode.DeltaInterval) _buffer[_next++] = (origin, delta);
    }

    /// <summary>One round: the messages for each peer that needs one.</summary>
    /// <param name="self">This node's name.</param>
    /// <param name="replica">This replica's id (its incarnation).</param>
    /// <param name="state">This replica's state.</param>
    public IReadOnlyList<(string Peer, ErlangTuple Message)> Round(string self, string replica, MVMap<string, StoredValue> state)
    {
        var sends = new List<(string, ErlangTuple)>();
        if (_mode == SyncMode.FullState)
        {
            var whole = ReplicaStateTerms.Encode(state);
            foreach (var peer in _peers) sends.Add((peer, Count(new ErlangTuple(s_state, new Atom(self), whole), state: true)));
            return sends;
        }
        foreach (var peer in _peers)
        {
            if (!_heard.Contains(peer)) sends.Add((peer, Ack(self, replica, 0, 0)));
            var acked = _acked.TryGetValue(peer, out var a) ? a.UpTo : 0;
            var owed = _owed.Remove(peer);
            if (acked >= _next && !owed) continue;
            if (_buffer.Count == 0 || _buffer.Keys.First() > acked)
            {
                // What the peer lacks was discarded (every other peer had it): the state covers it.
                sends.Add((peer, Count(new ErlangTuple(s_delta, new Atom(self), ReplicaStateTerms.Encode(state), 0L, _next), state: true)));
                continue;
            }
            // Never a write back to the replica it came from (a restarted one is another replica: it gets it).
            var origin = a.Replica;
            var interval = _buffer.Where(kv => kv.Key >= acked && (kv.Value.Origin is null || kv.Value.Origin != origin))
                .Aggregate(MVMap<string, StoredValue>.Empty, (acc, kv) => acc.Merge(kv.Value.Delta));
            sends.Add((peer, Count(new ErlangTuple(s_delta, new Atom(self), ReplicaStateTerms.Encode(interval), acked, _next), state: false)));
        }
        return sends;
    }

    /// <summary>The acknowledgement of a received delta message, to send back to its origin.</summary>
    public ErlangTuple Ack(string self, string replica, long baseSeq, long upTo) =>
        Count(new ErlangTuple(s_ack, new Atom(self), System.Text.Encoding.UTF8.GetBytes(replica), baseSeq, upTo), state: null);

    /// <summary>A delta message came from <paramref name="peer"/>: it knows this incarnation, no more greetings.</summary>
    public void Heard(string peer) => _heard.Add(peer);

    /// <summary>Takes in an acknowledgement from <paramref name="peer"/>'s replica <paramref name="replica"/>.</summary>
    public void Acknowledged(string peer, string replica, long baseSeq, long upTo)
    {
        if (!_peers.Contains(peer, StringComparer.Ordinal) || upTo > _next) return; // not ours, or from an earlier life of this node
        long had = 0;
        if (_acked.TryGetValue(peer, out var known) && known.Replica == replica) had = known.UpTo;
        else _owed.Add(peer); // a new incarnation: it has nothing yet, and is owed a message even if nothing is new
        // The ack proves [Base, UpTo); with what was proven before, [0, UpTo) only if there is no gap
        // (a restarted peer acking an interval meant for its earlier life has such a gap).
        _acked[peer] = (replica, baseSeq <= had ? Math.Max(had, upTo) : had);
        var min = _peers.Min(p => _acked.TryGetValue(p, out var x) ? x.UpTo : 0);
        foreach (var seq in _buffer.Keys.TakeWhile(k => k < min).ToList()) _buffer.Remove(seq);
    }

    /// <summary>Reads a message of this protocol: the kind and its fields, or null if it is not one.</summary>
    public static (string Kind, string From, object? Payload, string? Replica, long Base, long UpTo)? Parse(object message)
    {
        if (message is not ITuple { Length: >= 3 } t || t[0] is not Atom kind || t[1] is not Atom { Name: var from }) return null;
        return kind.Name switch
        {
            "kv_sync_state" when t.Length == 3 => ("state", from, t[2], null, 0, 0),
            "kv_sync_delta" when t.Length == 5 && Long(t[3]) is { } b && Long(t[4]) is { } u => ("delta", from, t[2], null, b, u),
            "kv_sync_ack" when t.Length == 5 && Text(t[2]) is { } r && Long(t[3]) is { } b && Long(t[4]) is { } u => ("ack", from, null, r, b, u),
            _ => null,
        };
    }

    // Over a network a small number arrives as an int and a name as a binary: accept what can arrive.
    private static long? Long(object? term) => term switch
    {
        long l => l,
        int i => i,
        System.Numerics.BigInteger b when b >= long.MinValue && b <= long.MaxValue => (long)b,
        _ => null,
    };

    private static string? Text(object? term) => term switch
    {
        byte[] b => System.Text.Encoding.UTF8.GetString(b),
        Binary { IsBinary: true } b => System.Text.Encoding.UTF8.GetString(b.ToArray()),
        _ => null,
    };

    private ErlangTuple Count(ErlangTuple message, bool? state)
    {
        var bytes = ExternalTermFormat.Encode(message).Length;
        Stats += state switch
        {
            true => new SyncStats(1, 0, 0, bytes),
            false => new SyncStats(0, 1, 0, bytes),
            null => new SyncStats(0, 0, 1, bytes),
        };
        return message;
    }
}
