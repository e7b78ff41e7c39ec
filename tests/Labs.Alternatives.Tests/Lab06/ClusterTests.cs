using Lab06.Nodes;
using LabTests = Lab06.Nodes.Tests;

namespace Labs.Alternatives.Tests.Lab06;

/// <summary>Lab 6, task 3, on another correct watcher: the reports come in another order, which
/// the snapshot leaves open, so the lab's tests must pass. The class keeps the lab's class name so
/// that the snapshots are the lab's own.</summary>
public sealed class ClusterTests() : LabTests.ClusterTests(Cluster.JoinAsync, DawdlingWatcher.Watch);
