using Otp;

namespace Lab07.ReplicatedKv;

/// <summary>Given: one replica of a replicated store per node, each registered under
/// <see cref="Name"/> on its node. A client writes to and reads from any one replica; how the
/// write reaches the others is what implementations differ in (<see cref="NaiveReplica"/>,
/// <see cref="ConvergingReplica"/>).</summary>
public interface IReplicaServer
{
    /// <summary>The name each replica is registered under on its node.</summary>
    string Name { get; }

    /// <summary>Starts this node's replica (on <paramref name="self"/>'s node, registered as
    /// <see cref="Name"/>, not linked to <paramref name="self"/>) and returns its pid.
    /// <paramref name="nodes"/> names every replica's node, this one included.</summary>
    Task<Pid> StartAsync(Process self, IReadOnlyList<string> nodes);

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/> at the replica on
    /// <paramref name="node"/> and returns once that replica has stored it (its acknowledgement).</summary>
    Task SetAsync(Process self, string node, string key, string value);

    /// <summary>What a reader of the replica on <paramref name="node"/> sees now: every key with its
    /// value, keys in ordinal order.</summary>
    Task<IReadOnlyDictionary<string, string>> ReadAllAsync(Process self, string node);
}
