using Otp;

namespace Lab07.ReplicatedKv;

/// <summary>Task 4: replication that converges: each replica keeps its writes in a map whose merge
/// cannot depend on the order states arrive in, and sends its state to the other replicas every
/// <see cref="SyncInterval"/> (anti-entropy), so a write held back by a partition arrives after
/// the heal. Write your conflict rule here.</summary>
public sealed class ConvergingReplica : IReplicaServer
{
    /// <summary>How often each replica sends its state to the others.</summary>
    public static readonly TimeSpan SyncInterval = TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    public string Name => "kv_replica";

    /// <summary>Task 4: starts this node's replica, registered as <see cref="Name"/>.</summary>
    public Task<Pid> StartAsync(Process self, IReadOnlyList<string> nodes) =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>Task 4: writes at the replica of <paramref name="node"/>, stamped there.</summary>
    public Task SetAsync(Process self, string node, string key, string value) =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>Task 4: the values the replica of <paramref name="node"/> holds, without their stamps.</summary>
    public Task<IReadOnlyDictionary<string, string>> ReadAllAsync(Process self, string node) =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");
}
