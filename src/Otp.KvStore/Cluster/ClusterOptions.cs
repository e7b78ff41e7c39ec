using Otp.Crdts.Replication;

namespace Otp.KvStore.Cluster;

/// <summary>How a node takes part in the clustered store.</summary>
public sealed record ClusterOptions
{
    /// <summary>Every node of the cluster, this one included (<c>node0@host,...</c>); the others
    /// are connected at start and again every <see cref="ConnectInterval"/>, as libcluster's Epmd
    /// strategy does.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>W: on how many replicas (this node's counted) a write must be stored before it
    /// is acknowledged. Default 2.</summary>
    public int WriteQuorum { get; init; } = 2;

    /// <summary>How often the nodes that are not connected are tried again. Default 1 s.</summary>
    public TimeSpan ConnectInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often this replica runs a round of anti-entropy with every other node. Default 1 s.</summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>What a round sends: <see cref="SyncMode.FullState"/> (the default: the whole state
    /// to every other node) or <see cref="SyncMode.DeltaInterval"/> (to each node, only the writes
    /// made here that it has not acknowledged).</summary>
    public SyncMode Sync { get; init; } = SyncMode.FullState;

    /// <summary>How long a write waits for each other replica's acknowledgement. Default 1 s.</summary>
    public TimeSpan ReplicaTimeout { get; init; } = TimeSpan.FromSeconds(1);
}
