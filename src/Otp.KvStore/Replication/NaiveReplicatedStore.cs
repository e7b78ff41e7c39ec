using System.Collections.Immutable;
using Otp.Behaviours;
using Otp.Crdts;

namespace Otp.KvStore.Replication;

/// <summary>
/// The lecture's replication: a replica applies a write and sends it to every other node, once.
/// Fine while every message arrives; a write made during a partition never reaches the other side,
/// and nothing repairs it after the heal, so replicas that took writes on both sides disagree for
/// good. Chapter 7 shows this beside <see cref="CrdtReplicatedStore{TValue}"/>, which converges.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class NaiveReplicatedStore<TValue> : IReplicatedStore<TValue> where TValue : IComparable<TValue>
{
    private readonly Node _node;
    private readonly SortedDictionary<string, Pid> _pids;

    private NaiveReplicatedStore(Node node, SortedDictionary<string, Pid> pids)
    {
        _node = node;
        _pids = pids;
    }

    /// <summary>Starts one replica server per id on <paramref name="node"/>.</summary>
    /// <exception cref="ArgumentException">No replica, or a replica named twice.</exception>
    public static async Task<NaiveReplicatedStore<TValue>> StartAsync(Node node, params ReplicaId[] replicas)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (replicas.Length == 0) throw new ArgumentException("A store needs at least one replica.", nameof(replicas));
        if (replicas.Distinct().Count() != replicas.Length) throw new ArgumentException("Each replica id must be unique.", nameof(replicas));
        var pids = new SortedDictionary<string, Pid>(StringComparer.Ordinal);
        foreach (var r in replicas) pids[r.Name] = await GenServer.StartAsync(node, new NaiveReplica<TValue>(r.Name));
        var peers = new NaiveReplica<TValue>.Peers(new Dictionary<string, Pid>(pids));
        foreach (var pid in pids.Values) GenServer.Cast(node, pid, peers);
        await node.SettleAsync();
        return new NaiveReplicatedStore<TValue>(node, pids);
    }

    /// <inheritdoc/>
    public IReadOnlyList<ReplicaId> Replicas => [.. _pids.Keys.Select(k => new ReplicaId(k))];

    /// <inheritdoc/>
    public Task SetAsync(ReplicaId at, string key, TValue value) => WriteAsync(at, new(key, value, Delete: false));

    /// <inheritdoc/>
    public Task DeleteAsync(ReplicaId at, string key) => WriteAsync(at, new(key, default, Delete: true));

    private async Task WriteAsync(ReplicaId at, NaiveReplica<TValue>.Write write)
    {
        GenServer.Cast(_node, _pids[at.Name], write);
        await _node.SettleAsync();
    }

    /// <inheritdoc/>
    public async Task<ImmutableSortedDictionary<string, ImmutableSortedSet<TValue>>> ReadAllAsync(ReplicaId at)
    {
        var all = (Dictionary<string, TValue>)await GenServer.CallAsync(_node, _pids[at.Name], new NaiveReplica<TValue>.ReadAll());
        return ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            all.Select(kv => KeyValuePair.Create(kv.Key, ImmutableSortedSet.Create(kv.Value))));
    }

    /// <inheritdoc/>
    public void Partition(params ReplicaId[][] parts)
    {
        var all = parts.SelectMany(p => p).Select(r => r.Name).ToList();
        if (all.Count != _pids.Count || all.Distinct().Count() != all.Count || !all.All(_pids.ContainsKey))
            throw new ArgumentException("Every replica must be in exactly one part.", nameof(parts));
        foreach (var part in parts)
        {
            var reach = new NaiveReplica<TValue>.Reach(part.Select(r => r.Name).ToHashSet());
            foreach (var r in part) GenServer.Cast(_node, _pids[r.Name], reach);
        }
    }

    /// <inheritdoc/>
    public void Heal()
    {
        foreach (var pid in _pids.Values) GenServer.Cast(_node, pid, new NaiveReplica<TValue>.Reach(null));
    }

    /// <inheritdoc/>
    /// <remarks>The naive store has no anti-entropy: this only lets the messages in flight arrive.</remarks>
    public Task SyncAsync() => _node.SettleAsync();
}
