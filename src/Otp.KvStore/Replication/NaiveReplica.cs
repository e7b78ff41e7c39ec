using Otp.Behaviours;
using Otp.KvStore.Pure;

namespace Otp.KvStore.Replication;

/// <summary>
/// One replica of the lecture's naive replication: a server holding a plain store, that applies a
/// client's write and sends it, once, to every peer it can reach. A message the network drops is
/// gone: nothing ever sends it again.
/// </summary>
internal sealed class NaiveReplica<TValue>(string id) : GenServer<NaiveReplica<TValue>.State>
{
    internal sealed record State(KeyValueStore<string, TValue> Store, IReadOnlyDictionary<string, Pid> Peers, IReadOnlySet<string>? Reachable);

    /// <summary>Who the peers are (sent once, after every replica has started).</summary>
    internal sealed record Peers(IReadOnlyDictionary<string, Pid> All);

    /// <summary>Which replicas this one's messages reach (null: all).</summary>
    internal sealed record Reach(IReadOnlySet<string>? Reachable);

    /// <summary>A client's write (a null value deletes): applied here, then sent to every peer.</summary>
    internal sealed record Write(string Key, TValue? Value, bool Delete);

    /// <summary>A peer's write, applied here only.</summary>
    internal sealed record Replicate(Write Write);

    /// <summary>Read every key.</summary>
    internal sealed record ReadAll;

    protected override ValueTask<State> InitAsync() =>
        ValueTask.FromResult(new State(KeyValueStore<string, TValue>.New(StringComparer.Ordinal), new Dictionary<string, Pid>(), null));

    protected override ValueTask<ServerResult<State>> HandleCastAsync(object request, State state)
    {
        switch (request)
        {
            case Peers p:
                return NoReply(state with { Peers = p.All.Where(kv => kv.Key != id).ToDictionary() });
            case Reach r:
                return NoReply(state with { Reachable = r.Reachable });
            case Write w:
                foreach (var (peer, pid) in state.Peers)
                    if (state.Reachable is null || state.Reachable.Contains(peer)) GenServer.Cast(Self, pid, new Replicate(w));
                return NoReply(state with { Store = Apply(state.Store, w) });
            case Replicate r:
                return NoReply(state with { Store = Apply(state.Store, r.Write) });
            default:
                return base.HandleCastAsync(request, state);
        }
    }

    protected override ValueTask<ServerResult<State>> HandleCallAsync(object request, From from, State state) =>
        request is ReadAll
            ? Reply(state.Store.Keys.ToDictionary(k => k, k => ((KvResult<TValue>.Ok)state.Store.Get(k)).Value), state)
            : base.HandleCallAsync(request, from, state);

    private static KeyValueStore<string, TValue> Apply(KeyValueStore<string, TValue> store, Write w) =>
        (w.Delete ? store.Delete(w.Key) : store.Set(w.Key, w.Value!)) switch
        {
            KvResult<KeyValueStore<string, TValue>>.Ok ok => ok.Value,
            _ => store, // a null key: nothing to apply
        };
}
