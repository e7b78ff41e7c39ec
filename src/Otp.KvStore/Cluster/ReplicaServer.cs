using System.Runtime.CompilerServices;
using Otp.Behaviours;
using Otp.Crdts;
using Otp.Crdts.Maps;
using Otp.Crdts.Replication;
using Otp.KvStore.Http;

namespace Otp.KvStore.Cluster;

/// <summary>
/// One node's replica of the clustered store, registered as <see cref="Name"/>: an
/// <see cref="MVMap{TKey, TValue}"/> of stored values (multi-value, add wins; see
/// docs/kvstore.md). Every request is an Erlang term, so replicas on other nodes reach it with
/// plain gen_server calls and casts:
/// <list type="bullet">
/// <item><c>{kv_set, Key, ContentType, Body}</c> → the delta of the write (a <see cref="ReplicaStateTerms"/> term), joined here first;</item>
/// <item><c>{kv_delete, Key}</c> → the delta of the delete;</item>
/// <item><c>{kv_join, State}</c> (call: → <c>ok</c>; or cast) joins a delta or a whole state from another replica;
/// <c>{kv_join, Delta, FromReplica}</c> does the same for a write made on replica <c>FromReplica</c>
/// (a binary), which delta anti-entropy then passes on to the other peers;</item>
/// <item><c>{kv_get, Key}</c> → <c>[{ContentType, Body}]</c>, the key's values (empty when absent);</item>
/// <item><c>kv_state</c> → this replica's whole state as a term;</item>
/// <item><c>kv_sync_stats</c> → <c>{kv_sync_stats, StateMessages, DeltaMessages, AckMessages, Bytes}</c>,
/// what this replica's anti-entropy has sent so far.</item>
/// </list>
/// Started with peers, it also runs anti-entropy with them every interval (full state or delta
/// intervals with acknowledgements; the messages are described in docs/kvstore.md). A malformed
/// state from another node is dropped (a call gets <c>{error, bad_state}</c>), never a crash.
/// </summary>
public sealed class ReplicaServer : GenServer<MVMap<string, StoredValue>>
{
    private static readonly Atom s_tick = new("kv_sync_tick");
    private readonly ReplicaId replica;
    private readonly AntiEntropy? _sync;
    private readonly TimeSpan _interval;

    /// <summary>A replica that runs no anti-entropy of its own (it joins what it is sent).</summary>
    /// <param name="replica">This replica's id: the node name and an incarnation, so a restarted node
    /// (whose memory is empty) never reuses a dot of its earlier life.</param>
    public ReplicaServer(ReplicaId replica) => this.replica = replica;

    /// <summary>A replica that runs anti-entropy with the replicas on <paramref name="peers"/>
    /// every <paramref name="interval"/> (a process timer, so virtual time on a simulated network).</summary>
    /// <param name="replica">This replica's id, as above.</param>
    /// <param name="peers">The other nodes, each running a replica registered as <see cref="Name"/>.</param>
    /// <param name="mode"><see cref="SyncMode.FullState"/> or <see cref="SyncMode.DeltaInterval"/>.</param>
    /// <param name="interval">Time between rounds.</param>
    /// <exception cref="ArgumentException"><see cref="SyncMode.DeltaIntervalRelay"/>: a full mesh needs no relaying.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive.</exception>
    public ReplicaServer(ReplicaId replica, IEnumerable<string> peers, SyncMode mode, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(peers);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        this.replica = replica;
        _sync = new AntiEntropy(mode, peers);
        _interval = interval;
    }

    /// <summary>The registered name on every node of the cluster.</summary>
    public const string Name = "kv_replica";

    private static readonly Atom s_ok = new("ok");

    /// <inheritdoc/>
    protected override ValueTask<MVMap<string, StoredValue>> InitAsync()
    {
        if (_sync is not null) Self.SendAfter(_interval, Self.Self, s_tick);
        return ValueTask.FromResult(MVMap<string, StoredValue>.Empty);
    }

    /// <inheritdoc/>
    protected override ValueTask<ServerResult<MVMap<string, StoredValue>>> HandleCallAsync(object request, From from, MVMap<string, StoredValue> state)
    {
        switch (request)
        {
            case ITuple { Length: 4 } set when set[0] is Atom { Name: "kv_set" } && set[1] is string key && set[2] is string type && set[3] is byte[] body:
            {
                var delta = state.SetDelta(replica, key, new StoredValue(body, type));
                return Reply(ReplicaStateTerms.Encode(delta), Local(state, delta));
            }
            case ITuple { Length: 2 } delete when delete[0] is Atom { Name: "kv_delete" } && delete[1] is string key:
            {
                var delta = state.RemoveDelta(key);
                return Reply(ReplicaStateTerms.Encode(delta), Local(state, delta));
            }
            case ITuple { Length: 2 or 3 } join when join[0] is Atom { Name: "kv_join" }:
                return Joined(state, join) is { } joined ? Reply(s_ok, joined) : Reply(new ErlangTuple(new Atom("error"), new Atom("bad_state")), state);
            case ITuple { Length: 2 } get when get[0] is Atom { Name: "kv_get" } && get[1] is string key:
                return Reply(new ErlangList([.. (state.Value.TryGetValue(key, out var values) ? values : [])
                    .Select(v => (object)new ErlangTuple(v.ContentType, v.Body))]), state);
            case Atom { Name: "kv_state" }:
                return Reply(ReplicaStateTerms.Encode(state), state);
            case Atom { Name: "kv_sync_stats" }:
                var stats = _sync?.Stats ?? SyncStats.None;
                return Reply(new ErlangTuple(new Atom("kv_sync_stats"), stats.StateMessages, stats.DeltaMessages, stats.AckMessages, stats.Bytes), state);
            default:
                return base.HandleCallAsync(request, from, state);
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<ServerResult<MVMap<string, StoredValue>>> HandleCastAsync(object request, MVMap<string, StoredValue> state) =>
        request is ITuple { Length: 2 or 3 } join && join[0] is Atom { Name: "kv_join" }
            ? NoReply(Joined(state, join) ?? state)
            : NoReply(state); // anything else from the network is ignored

    /// <inheritdoc/>
    protected override ValueTask<ServerResult<MVMap<string, StoredValue>>> HandleInfoAsync(object message, MVMap<string, StoredValue> state)
    {
        if (_sync is null) return NoReply(state);
        if (message is Atom { Name: "kv_sync_tick" })
        {
            foreach (var (peer, gossip) in _sync.Round(Self.Node.Name, replica.Name, state)) Self.Send(Name, peer, gossip);
            Self.SendAfter(_interval, Self.Self, s_tick);
            return NoReply(state);
        }
        switch (AntiEntropy.Parse(message))
        {
            case ("state", _, var payload, _, _, _):
                return NoReply(TryJoin(state, payload) ?? state);
            case ("delta", var from, var payload, _, var b, var upTo):
                if (TryJoin(state, payload) is not { } joined) return NoReply(state);
                _sync.Heard(from);
                Self.Send(Name, from, _sync.Ack(Self.Node.Name, replica.Name, b, upTo));
                return NoReply(joined);
            case ("ack", var from, _, var r, var b, var upTo):
                _sync.Acknowledged(from, r!, b, upTo);
                return NoReply(state);
            default:
                return NoReply(state); // anything else from the network is ignored
        }
    }

    /// <summary><c>{kv_join, State}</c> or <c>{kv_join, Delta, FromReplica}</c> joined, or null if malformed.</summary>
    private MVMap<string, StoredValue>? Joined(MVMap<string, StoredValue> state, ITuple join)
    {
        if (TryJoin(state, join[1]) is not { } joined) return null;
        if (join.Length == 3 && join[2] is byte[] or Binary && !joined.Equals(state))
        {
            var origin = join[2] is byte[] b ? b : ((Binary)join[2]!).ToArray();
            _sync?.Relayed(ReplicaStateTerms.Decode(join[1]!), System.Text.Encoding.UTF8.GetString(origin));
        }
        return joined;
    }

    /// <summary>A write made here: joined, and numbered for the peers if it changed anything.</summary>
    private MVMap<string, StoredValue> Local(MVMap<string, StoredValue> state, MVMap<string, StoredValue> delta)
    {
        var merged = state.Merge(delta);
        if (!merged.Equals(state)) _sync?.Recorded(delta);
        return merged;
    }

    private static MVMap<string, StoredValue>? TryJoin(MVMap<string, StoredValue> state, object? term)
    {
        try
        {
            return term is null ? null : state.Merge(ReplicaStateTerms.Decode(term));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
