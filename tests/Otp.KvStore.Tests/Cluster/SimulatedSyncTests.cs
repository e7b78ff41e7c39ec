using Otp.Crdts.Replication;
using Otp.KvStore.Cluster;

namespace Otp.KvStore.Tests.Cluster;

/// <summary>
/// Anti-entropy between replicas on three nodes of the simulated network: 300 writes made in turn
/// on a, b and c, with a cut off from b and c for the middle hundred, then healed.
/// </summary>
public class SimulatedSyncTests
{
    private static void Show(ClusterSyncScenario.Result r) => TestContext.Current.TestOutputHelper?.WriteLine(r.ToString());

    [Theory]
    [InlineData(SyncMode.FullState)]
    [InlineData(SyncMode.DeltaInterval)]
    public async Task Both_modes_converge_after_a_partition_heals_and_lose_no_write(SyncMode mode)
    {
        var r = await ClusterSyncScenario.RunSimulatedAsync(mode);
        Show(r);
        Assert.True(r.Converged, r.ToString());
        Assert.Equal(0, r.Missing);
        // The partition did drop gossip: convergence came after the heal, not from a cut that never happened.
        Assert.True(r.Dropped > 0, r.ToString());
    }

    [Theory]
    [InlineData(SyncMode.FullState)]
    [InlineData(SyncMode.DeltaInterval)]
    public async Task A_seed_gives_the_same_counts_on_every_run(SyncMode mode)
    {
        var first = await ClusterSyncScenario.RunSimulatedAsync(mode, seed: 7, lossRate: 0.1);
        var second = await ClusterSyncScenario.RunSimulatedAsync(mode, seed: 7, lossRate: 0.1);
        Assert.Equal(first, second);
        Assert.Equal(first.Dropped, second.Dropped);
    }

    [Fact]
    public async Task Full_state_sends_every_peer_the_whole_state_every_round()
    {
        var r = await ClusterSyncScenario.RunSimulatedAsync(SyncMode.FullState);
        Show(r);
        // Three replicas, two peers each, one message per peer per interval, partition or not.
        Assert.Equal(3 * 2 * r.Rounds, r.Stats.StateMessages);
        Assert.Equal(0, r.Stats.DeltaMessages);
        Assert.Equal(0, r.Stats.AckMessages);
    }

    [Fact]
    public async Task Delta_intervals_send_no_state_and_are_cheaper_than_full_state_once_states_are_big()
    {
        var full = await ClusterSyncScenario.RunSimulatedAsync(SyncMode.FullState);
        var delta = await ClusterSyncScenario.RunSimulatedAsync(SyncMode.DeltaInterval);
        Show(full);
        Show(delta);
        // No replica restarted and no buffer was discarded before every peer had it: deltas only.
        Assert.Equal(0, delta.Stats.StateMessages);
        // Every replica writes in every round, so each has news for both peers every round.
        Assert.Equal(ClusterSyncScenario.WritingRounds, delta.Rounds);
        Assert.Equal(3 * 2 * ClusterSyncScenario.WritingRounds, delta.Stats.DeltaMessages);
        // The cut lasts ten rounds and separates four directed pairs (a to b, a to c and back):
        // 40 messages dropped, in either mode. Each delta that arrived was acknowledged once, and
        // in the first round each replica greeted its two peers (an ack of nothing).
        Assert.Equal(4 * 10, delta.Dropped);
        Assert.Equal(4 * 10, full.Dropped);
        Assert.Equal(delta.Stats.DeltaMessages - delta.Dropped + 3 * 2, delta.Stats.AckMessages);
        // A full state of 300 keys is sent 6 times a round; a delta carries about one round's writes.
        Assert.True(delta.Stats.Bytes * 5 < full.Stats.Bytes, $"{delta} vs {full}");
    }

    [Theory]
    [InlineData(SyncMode.FullState)]
    [InlineData(SyncMode.DeltaInterval)]
    public async Task Lost_messages_are_repaired_by_later_rounds(SyncMode mode)
    {
        var r = await ClusterSyncScenario.RunSimulatedAsync(mode, seed: 3, lossRate: 0.3);
        var lossless = await ClusterSyncScenario.RunSimulatedAsync(mode, seed: 3);
        Show(r);
        Assert.True(r.Dropped > lossless.Dropped, $"the network lost nothing beyond the partition: {r}");
        Assert.True(r.Converged, r.ToString());
        Assert.Equal(0, r.Missing);
    }
}
