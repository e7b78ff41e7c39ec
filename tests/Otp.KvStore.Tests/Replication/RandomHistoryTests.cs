using Otp.Crdts;
using Otp.Crdts.Replication;
using Otp.KvStore.Replication;

namespace Otp.KvStore.Tests.Replication;

/// <summary>
/// Random histories on three replicas: writes of unique elements at random replicas, partitions
/// and heals at random moments, anti-entropy rounds now and then; at the end a heal and a few
/// rounds, and the set checker reads every replica. The CRDT store must lose nothing, invent
/// nothing and agree on every seed; the naive store is shown to fail the same check.
/// </summary>
public sealed class RandomHistoryTests(ITestOutputHelper output)
{
    private static readonly ReplicaId[] Ids = ["n0", "n1", "n2"];

    private static async Task<SetChecker.Result> RunAsync(IReplicatedStore<string> store, int seed, int steps = 60)
    {
        var random = new Random(seed);
        var acknowledged = new Dictionary<string, string>();
        var attempted = new HashSet<string>();
        for (var step = 0; step < steps; step++)
        {
            switch (random.Next(10))
            {
                case 0:
                    // Cut one replica off from the other two.
                    var alone = Ids[random.Next(Ids.Length)];
                    store.Partition([alone], [.. Ids.Where(r => r != alone)]);
                    break;
                case 1:
                    store.Heal();
                    break;
                case 2:
                    await store.SyncAsync();
                    break;
                default:
                    var key = $"e{step}";
                    var value = $"from-{Ids[step % Ids.Length]}";
                    attempted.Add($"{key}={value}");
                    await store.SetAsync(Ids[random.Next(Ids.Length)], key, value);
                    acknowledged[key] = value; // the replica took it: acknowledged
                    break;
            }
        }
        store.Heal();
        for (var round = 0; round < 3; round++) await store.SyncAsync();

        var reads = new List<System.Collections.Immutable.ImmutableSortedDictionary<string, System.Collections.Immutable.ImmutableSortedSet<string>>>();
        foreach (var r in store.Replicas) reads.Add(await store.ReadAllAsync(r));
        return SetChecker.Check(acknowledged, attempted, reads);
    }

    public static TheoryData<SyncMode, int> ModesAndSeeds =>
        new(from mode in new[] { SyncMode.FullState, SyncMode.DeltaInterval }
            from seed in Enumerable.Range(0, 20)
            select (mode, seed));

    [Theory]
    [MemberData(nameof(ModesAndSeeds))]
    public async Task The_CRDT_store_loses_no_acknowledged_write_and_its_replicas_agree(SyncMode mode, int seed)
    {
        using var node = Node.StartDeterministic(seed, trace: false);
        var result = await RunAsync(CrdtReplicatedStore<string>.Start(node, mode, Ids), seed);
        output.WriteLine(result.ToString());
        Assert.True(result.Valid, result.ToString());
    }

    [Fact]
    public async Task The_naive_store_fails_the_same_check()
    {
        var failures = new List<string>();
        for (var seed = 0; seed < 20; seed++)
        {
            using var node = Node.StartDeterministic(seed, trace: false);
            var result = await RunAsync(await NaiveReplicatedStore<string>.StartAsync(node, Ids), seed);
            output.WriteLine($"seed {seed}: {result}");
            Assert.Equal(0, result.Unexpected); // it invents nothing; it only forgets
            if (!result.Valid) failures.Add($"seed {seed}: {result}");
        }
        // Every history with a write during a partition loses it on the other side.
        Assert.True(failures.Count >= 15, $"only {failures.Count} of 20 histories failed the check");
    }
}
