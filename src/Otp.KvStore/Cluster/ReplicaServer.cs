using System.Runtime.CompilerServices;
using Otp.Behaviours;
using Otp.Crdts;
using Otp.Crdts.Maps;
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
/// <item><c>{kv_join, State}</c> (call: → <c>ok</c>; or cast) joins a delta or a whole state from another replica;</item>
/// <item><c>{kv_get, Key}</c> → <c>[{ContentType, Body}]</c>, the key's values (empty when absent);</item>
/// <item><c>kv_state</c> → this replica's whole state as a term.</item>
/// </list>
/// A malformed state from another node is dropped (a call gets <c>{error, bad_state}</c>), never a crash.
/// </summary>
/// <param name="replica">This replica's id: the node name and an incarnation, so a restarted node
/// (whose memory is empty) never reuses a dot of its earlier life.</param>
public sealed class ReplicaServer(ReplicaId replica) : GenServer<MVMap<string, StoredValue>>
{
    /// <summary>The registered name on every node of the cluster.</summary>
    public const string Name = "kv_replica";

    private static readonly Atom s_ok = new("ok");

    /// <inheritdoc/>
    protected override ValueTask<MVMap<string, StoredValue>> InitAsync() => ValueTask.FromResult(MVMap<string, StoredValue>.Empty);

    /// <inheritdoc/>
    protected override ValueTask<ServerResult<MVMap<string, StoredValue>>> HandleCallAsync(object request, From from, MVMap<string, StoredValue> state)
    {
        switch (request)
        {
            case ITuple { Length: 4 } set when set[0] is Atom { Name: "kv_set" } && set[1] is string key && set[2] is string type && set[3] is byte[] body:
            {
                var delta = state.SetDelta(replica, key, new StoredValue(body, type));
                return Reply(ReplicaStateTerms.Encode(delta), state.Merge(delta));
            }
            case ITuple { Length: 2 } delete when delete[0] is Atom { Name: "kv_delete" } && delete[1] is string key:
            {
                var delta = state.RemoveDelta(key);
                return Reply(ReplicaStateTerms.Encode(delta), state.Merge(delta));
            }
            case ITuple { Length: 2 } join when join[0] is Atom { Name: "kv_join" }:
                return TryJoin(state, join[1]) is { } joined ? Reply(s_ok, joined) : Reply(new ErlangTuple(new Atom("error"), new Atom("bad_state")), state);
            case ITuple { Length: 2 } get when get[0] is Atom { Name: "kv_get" } && get[1] is string key:
                return Reply(new ErlangList([.. (state.Value.TryGetValue(key, out var values) ? values : [])
                    .Select(v => (object)new ErlangTuple(v.ContentType, v.Body))]), state);
            case Atom { Name: "kv_state" }:
                return Reply(ReplicaStateTerms.Encode(state), state);
            default:
                return base.HandleCallAsync(request, from, state);
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<ServerResult<MVMap<string, StoredValue>>> HandleCastAsync(object request, MVMap<string, StoredValue> state) =>
        request is ITuple { Length: 2 } join && join[0] is Atom { Name: "kv_join" }
            ? NoReply(TryJoin(state, join[1]) ?? state)
            : NoReply(state); // anything else from the network is ignored

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
