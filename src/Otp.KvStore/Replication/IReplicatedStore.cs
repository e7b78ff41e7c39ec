using System.Collections.Immutable;
using Otp.Crdts;

namespace Otp.KvStore.Replication;

/// <summary>
/// Replicas of one key-value store, each standing for a node, with a network between them that a
/// test can cut (<see cref="Partition"/>) and mend (<see cref="Heal"/>). Writes are accepted by
/// whichever replica they are sent to, without asking the others; how they reach the others, and
/// what happens to concurrent writes, is what the implementations differ in.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
public interface IReplicatedStore<TValue>
{
    /// <summary>The replicas, in order.</summary>
    IReadOnlyList<ReplicaId> Replicas { get; }

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/> at replica
    /// <paramref name="at"/>, and returns once that replica (and whatever it told at once) has
    /// handled it.</summary>
    Task SetAsync(ReplicaId at, string key, TValue value);

    /// <summary>Deletes <paramref name="key"/> at replica <paramref name="at"/>.</summary>
    Task DeleteAsync(ReplicaId at, string key);

    /// <summary>What a reader of replica <paramref name="at"/> sees: every key with its values
    /// (one value, or several kept concurrent writes), keys in ordinal order.</summary>
    Task<ImmutableSortedDictionary<string, ImmutableSortedSet<TValue>>> ReadAllAsync(ReplicaId at);

    /// <summary>Cuts the network: a replica's messages reach only the replicas of its own part.</summary>
    /// <exception cref="ArgumentException">A replica is in no part, or in two.</exception>
    void Partition(params ReplicaId[][] parts);

    /// <summary>Ends any partition.</summary>
    void Heal();

    /// <summary>One round of anti-entropy (every replica gossips once), and waits until every
    /// message is handled. A store without anti-entropy only waits.</summary>
    Task SyncAsync();
}
