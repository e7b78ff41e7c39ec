using System.Collections.Immutable;
using Otp.Crdts;
using Otp.Crdts.Replication;
using Otp.KvStore.Replication;

namespace Otp.KvStore.Tests.Replication;

/// <summary>
/// Three replicas, a partition with writes on both sides, a heal: the lecture's naive replication
/// disagrees for good, the CRDT map converges after anti-entropy with the documented rule
/// (concurrent writes kept side by side, a write beats a concurrent delete).
/// </summary>
public sealed class PartitionTests(ITestOutputHelper output)
{
    private static readonly ReplicaId N0 = "n0", N1 = "n1", N2 = "n2";

    /// <summary>What every replica reads at the end, one line per replica.</summary>
    private static async Task<IReadOnlyList<string>> ReadEveryReplicaAsync(IReplicatedStore<string> store)
    {
        var lines = new List<string>();
        foreach (var r in store.Replicas) lines.Add($"{r}: {Show(await store.ReadAllAsync(r))}");
        return lines;
    }

    private static string Show(ImmutableSortedDictionary<string, ImmutableSortedSet<string>> all) =>
        "{" + string.Join(", ", all.Select(kv => $"{kv.Key}=[{string.Join(",", kv.Value)}]")) + "}";

    /// <summary>
    /// Before: k=v0 everywhere. Partition n0 | n1 n2. Left: a=left, delete k. Right: a=right (n1),
    /// b=only-right (n2), k=v1 (n1). Heal, three rounds of anti-entropy, then c=after at n1 and
    /// one more round.
    /// </summary>
    private static async Task<int> RunScenarioAsync(IReplicatedStore<string> store)
    {
        await store.SetAsync(N0, "k", "v0");
        await store.SyncAsync();

        store.Partition([N0], [N1, N2]);
        await store.SetAsync(N0, "a", "left");
        await store.DeleteAsync(N0, "k");
        await store.SetAsync(N1, "a", "right");
        await store.SetAsync(N2, "b", "only-right");
        await store.SetAsync(N1, "k", "v1");
        await store.SyncAsync();
        await store.SyncAsync();

        store.Heal();
        for (var round = 0; round < 3; round++) await store.SyncAsync();
        await store.SetAsync(N1, "c", "after");
        await store.SyncAsync();

        var reads = await ReadEveryReplicaAsync(store);
        return reads.Select(l => l[(l.IndexOf(':') + 1)..]).Distinct().Count();
    }

    [Fact]
    public async Task Naive_replication_leaves_the_replicas_different_for_good()
    {
        using var node = Node.StartDeterministic(trace: false);
        var store = await NaiveReplicatedStore<string>.StartAsync(node, N0, N1, N2);
        var views = await RunScenarioAsync(store);
        var reads = await ReadEveryReplicaAsync(store);
        foreach (var line in reads) output.WriteLine(line);

        // Only the write made after the heal (c) reached everyone; each side kept its own past.
        Assert.Equal(
        [
            "n0: {a=[left], c=[after]}",
            "n1: {a=[right], b=[only-right], c=[after], k=[v1]}",
            "n2: {a=[right], b=[only-right], c=[after], k=[v1]}",
        ], reads);
        Assert.Equal(2, views);

        // More rounds change nothing: there is no anti-entropy to repair the difference.
        for (var round = 0; round < 5; round++) await store.SyncAsync();
        Assert.Equal(reads, await ReadEveryReplicaAsync(store));
    }

    public static TheoryData<SyncMode, int> ModesAndSeeds =>
        new(from mode in new[] { SyncMode.FullState, SyncMode.DeltaInterval }
            from seed in Enumerable.Range(0, 5)
            select (mode, seed));

    [Theory]
    [MemberData(nameof(ModesAndSeeds))]
    public async Task The_CRDT_map_converges_after_anti_entropy(SyncMode mode, int seed)
    {
        using var node = Node.StartDeterministic(seed, trace: false);
        var store = CrdtReplicatedStore<string>.Start(node, mode, N0, N1, N2);
        var views = await RunScenarioAsync(store);
        var reads = await ReadEveryReplicaAsync(store);
        foreach (var line in reads) output.WriteLine(line);

        // Concurrent writes to a are both kept; the write of k beats the concurrent delete.
        Assert.Equal(
        [
            "n0: {a=[left,right], b=[only-right], c=[after], k=[v1]}",
            "n1: {a=[left,right], b=[only-right], c=[after], k=[v1]}",
            "n2: {a=[left,right], b=[only-right], c=[after], k=[v1]}",
        ], reads);
        Assert.Equal(1, views);
        // Not only the same reads: the same states, dots and contexts included.
        var n0 = await store.StateAsync(N0);
        Assert.Equal(n0, await store.StateAsync(N1));
        Assert.Equal(n0, await store.StateAsync(N2));
    }

    [Fact]
    public async Task A_write_that_has_seen_concurrent_values_replaces_them_all()
    {
        using var node = Node.StartDeterministic(trace: false);
        var store = CrdtReplicatedStore<string>.Start(node, SyncMode.DeltaInterval, N0, N1, N2);
        await RunScenarioAsync(store);
        await store.SetAsync(N2, "a", "resolved");
        await store.SyncAsync();
        foreach (var r in store.Replicas)
            Assert.Equal(["resolved"], (await store.ReadAllAsync(r))["a"]);
    }

    [Fact]
    public async Task Without_anti_entropy_the_CRDT_replicas_still_differ_after_the_heal()
    {
        // The convergence above is anti-entropy's doing, not the map's alone: with no round after
        // the heal, the partitioned writes are still missing on the other side.
        using var node = Node.StartDeterministic(trace: false);
        var store = CrdtReplicatedStore<string>.Start(node, SyncMode.DeltaInterval, N0, N1, N2);
        store.Partition([N0], [N1, N2]);
        await store.SetAsync(N0, "a", "left");
        await store.SetAsync(N1, "a", "right");
        await store.SyncAsync();
        store.Heal();
        Assert.Equal(["left"], (await store.ReadAllAsync(N0))["a"]);
        Assert.Equal(["right"], (await store.ReadAllAsync(N1))["a"]);
        await store.SyncAsync();
        Assert.Equal(["left", "right"], (await store.ReadAllAsync(N0))["a"]);
        Assert.Equal(["left", "right"], (await store.ReadAllAsync(N1))["a"]);
    }
}
