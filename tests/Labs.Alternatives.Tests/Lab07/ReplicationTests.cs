using Lab07.ReplicatedKv;
using LabTests = Lab07.ReplicatedKv.Tests;

namespace Labs.Alternatives.Tests.Lab07;

/// <summary>
/// Lab 7, task 4. Inherited: every test of the task, run on <see cref="WallClockReplica"/>, a
/// correct answer with another conflict rule, wire format and interval than the reference; they
/// must pass. Declared here: the same tests on wrong answers, which must fail for the reason the
/// task gives.
/// </summary>
/// <remarks>The class keeps the lab's class name so that the snapshots are the lab's own.</remarks>
public sealed class ReplicationTests() : LabTests.ReplicationTests(new WallClockReplica())
{
    [Fact(Timeout = Lab.TestTimeout)]
    public Task Wrong_TheNaiveReplicaLosesThePartitionsWrites() => Expect.SnapshotMismatch(
        On(new NaiveReplica()).Task4_NaiveReplicasDivergeWhereYoursConverge,
        // After the heal, a still lacks what b and c wrote.
        "+  a@sim: from-a=left, title=Dune Messiah");

    [Fact(Timeout = Lab.TestTimeout)]
    public Task Wrong_TakingTheirsOnATieNeverSettles() =>
        Expect.AssertionFails(On(new TakeTheirsReplica()).Task4_ConcurrentWritesToOneKeySettleOnOneValueEverywhere, "2 replicas");

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Fair_TheReferenceAndTheAlternativeBothMatchTheSnapshot()
    {
        // Their raw traces differ (other messages, other times); the snapshot shows only what each
        // replica reads, which the task fixes. The concurrent-writes test runs several seeds itself.
        await On(new ConvergingReplica()).Task4_NaiveReplicasDivergeWhereYoursConverge();
        await On(new WallClockReplica()).Task4_NaiveReplicasDivergeWhereYoursConverge();
    }

    private static LabTests.ReplicationTests On(IReplicaServer answer) => new Answer(answer);

    private sealed class Answer(IReplicaServer answer) : LabTests.ReplicationTests(answer);
}
