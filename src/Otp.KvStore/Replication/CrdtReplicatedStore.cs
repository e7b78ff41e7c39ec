using System.Collections.Immutable;
using Otp.Crdts;
using Otp.Crdts.Maps;
using Otp.Crdts.Replication;

namespace Otp.KvStore.Replication;

/// <summary>
/// Replicas that converge: each holds an <see cref="MVMap{TKey, TValue}"/> (an add-wins map of
/// multi-value registers, from <c>Otp.Crdts</c>), a write is a delta joined locally, and
/// anti-entropy (<see cref="ReplicaGroup{T}"/>: full state or delta intervals) brings every
/// replica the others' deltas, including those a partition held back.
/// </summary>
/// <remarks>
/// <para><b>The conflict rule: multi-value, add wins.</b></para>
/// <list type="bullet">
/// <item>A write replaces every value of the key that its replica has seen.</item>
/// <item>Concurrent writes to one key (neither replica had seen the other's) are all kept: a read
/// returns them side by side (sorted), and the next write that has seen them replaces them all.
/// No write is lost to a clock or a tie-break.</item>
/// <item>A delete removes the values its replica has seen; a write concurrent with it survives.</item>
/// </list>
/// <para>The rule is a property of the join, which is commutative, associative and idempotent
/// (tests/Otp.Crdts.Tests/Laws), so it cannot depend on the order in which replicas merge.</para>
/// <para>Meant for a deterministic node (<see cref="Node.StartDeterministic"/>), where every
/// replica is a process and a run replays exactly; the simulated network between real nodes will
/// take the place of <see cref="ReplicaGroup{T}"/>'s message dropping.</para>
/// </remarks>
/// <typeparam name="TValue">The value type; values of a key are kept sorted.</typeparam>
public sealed class CrdtReplicatedStore<TValue> : IReplicatedStore<TValue> where TValue : IComparable<TValue>
{
    private readonly Node _node;
    private readonly ReplicaGroup<MVMap<string, TValue>> _group;

    private CrdtReplicatedStore(Node node, ReplicaGroup<MVMap<string, TValue>> group)
    {
        _node = node;
        _group = group;
    }

    /// <summary>Starts one replica process per id on <paramref name="node"/>.</summary>
    /// <param name="node">Preferably deterministic.</param>
    /// <param name="mode">How anti-entropy ships state: <see cref="SyncMode.DeltaInterval"/> (the default) or full state.</param>
    /// <param name="replicas">The replica ids (node names), each unique.</param>
    public static CrdtReplicatedStore<TValue> Start(Node node, SyncMode mode, params ReplicaId[] replicas) =>
        new(node, ReplicaGroup<MVMap<string, TValue>>.Start(node, mode, replicas));

    /// <inheritdoc/>
    public IReadOnlyList<ReplicaId> Replicas => _group.Replicas;

    /// <inheritdoc/>
    public async Task SetAsync(ReplicaId at, string key, TValue value)
    {
        _group.Update(at, s => s.SetDelta(at, key, value));
        await _node.SettleAsync();
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(ReplicaId at, string key)
    {
        _group.Update(at, s => s.RemoveDelta(key));
        await _node.SettleAsync();
    }

    /// <inheritdoc/>
    public async Task<ImmutableSortedDictionary<string, ImmutableSortedSet<TValue>>> ReadAllAsync(ReplicaId at) =>
        (await _group.StateAsync(at)).Value;

    /// <summary>The whole state of replica <paramref name="at"/> (values, dots and context), to
    /// compare replicas exactly.</summary>
    public Task<MVMap<string, TValue>> StateAsync(ReplicaId at) => _group.StateAsync(at);

    /// <inheritdoc/>
    public void Partition(params ReplicaId[][] parts) => _group.Partition(parts);

    /// <inheritdoc/>
    public void Heal() => _group.Heal();

    /// <inheritdoc/>
    public Task SyncAsync() => _group.SyncRoundAsync();
}
