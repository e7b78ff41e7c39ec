using Otp.Crdts.Registers;
using Otp.Crdts.Replication;
using Otp.Crdts.Sets;

namespace Otp.Crdts.Tests.Replication;

/// <summary>Replicas as processes on a deterministic node, kept in step by full-state gossip or delta intervals.</summary>
public sealed class AntiEntropyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(SyncMode.FullState)]
    [InlineData(SyncMode.DeltaInterval)]
    [InlineData(SyncMode.DeltaIntervalRelay)]
    public async Task Every_mode_converges_on_every_add(SyncMode mode)
    {
        var r = await SyncScenario.RunAsync(mode);
        Assert.True(r.Converged);
        Assert.Equal(30, r.Elements);
    }

    [Fact]
    public async Task Delta_intervals_send_fewer_bytes_than_full_state()
    {
        var full = await SyncScenario.RunAsync(SyncMode.FullState);
        var delta = await SyncScenario.RunAsync(SyncMode.DeltaInterval);
        output.WriteLine($"full:  {full}");
        output.WriteLine($"delta: {delta}");
        // Full state: 3 replicas x 2 peers per round, whatever changed.
        Assert.Equal(full.Rounds * 6, full.Stats.StateMessages);
        Assert.Equal(0, delta.Stats.StateMessages);
        Assert.True(delta.Stats.Bytes * 3 < full.Stats.Bytes, $"delta {delta.Stats.Bytes} B against full {full.Stats.Bytes} B");
        // Relaying in a full mesh: intervals nest until each is the whole history.
        var relay = await SyncScenario.RunAsync(SyncMode.DeltaIntervalRelay);
        output.WriteLine($"relay: {relay}");
        Assert.True(relay.Converged);
        Assert.True(relay.Stats.Bytes > delta.Stats.Bytes);
    }

    [Theory]
    [InlineData(SyncMode.FullState)]
    [InlineData(SyncMode.DeltaInterval)]
    [InlineData(SyncMode.DeltaIntervalRelay)]
    public async Task Updates_lost_in_a_partition_arrive_after_the_heal(SyncMode mode)
    {
        using var node = Node.StartDeterministic(trace: false);
        var group = ReplicaGroup<AWSet<string>>.Start(node, mode, "a", "b", "c");
        group.Update("a", s => s.AddDelta("a", "before"));
        await group.SyncRoundAsync();
        group.Partition(["a"], ["b", "c"]);
        group.Update("a", s => s.AddDelta("a", "left"));
        group.Update("b", s => s.RemoveDelta("before"));
        group.Update("c", s => s.AddDelta("c", "right"));
        await group.SyncRoundAsync();
        await group.SyncRoundAsync();
        var during = await group.StatesAsync();
        Assert.Equal("[before,left]", Show.Term(during[0].Value));
        Assert.Equal("[right]", Show.Term(during[1].Value));

        group.Heal();
        await group.SyncRoundAsync();
        await group.SyncRoundAsync();
        var after = await group.StatesAsync();
        Assert.All(after, s => Assert.Equal("[left,right]", Show.Term(s.Value)));
    }

    [Fact]
    public async Task Concurrent_writes_in_a_partition_lww_loses_one_mv_keeps_both()
    {
        using var node = Node.StartDeterministic(trace: false);
        var lww = ReplicaGroup<LwwRegister<string>>.Start(node, SyncMode.DeltaInterval, "a", "b", "c");
        var mv = ReplicaGroup<MVRegister<string>>.Start(node, SyncMode.DeltaInterval, "a", "b", "c");
        lww.Partition(["a"], ["b", "c"]);
        mv.Partition(["a"], ["b", "c"]);
        lww.Update("a", s => s.SetDelta(7, "a", "from_a"));
        lww.Update("b", s => s.SetDelta(7, "b", "from_b"));
        mv.Update("a", s => s.SetDelta("a", "from_a"));
        mv.Update("b", s => s.SetDelta("b", "from_b"));
        lww.Heal();
        mv.Heal();
        await lww.SyncRoundAsync();
        await mv.SyncRoundAsync();
        Assert.All(await lww.StatesAsync(), s => Assert.Equal("from_b", s.Value));
        Assert.All(await mv.StatesAsync(), s => Assert.Equal("[from_a,from_b]", Show.Term(s.Value)));
    }

    [Fact]
    public void A_group_rejects_duplicate_replicas_and_bad_partitions()
    {
        using var node = Node.StartDeterministic(trace: false);
        Assert.Throws<ArgumentException>(() => ReplicaGroup<AWSet<string>>.Start(node, SyncMode.FullState, "a", "a"));
        var group = ReplicaGroup<AWSet<string>>.Start(node, SyncMode.FullState, "a", "b");
        Assert.Throws<ArgumentException>(() => group.Partition(["a"]));
    }
}
