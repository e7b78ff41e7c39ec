using Otp.Distribution.Simulation;

namespace Otp.Simulation.Tests;

/// <summary>Partitions with <see cref="SimulatedNetworkOptions.NetTickTime"/>: a connection to a
/// peer that has gone silent stays up until the tick time is over, as a real one does.</summary>
public class NetTickTimeTests
{
    private static readonly SimulatedNetworkOptions TenSeconds = new() { NetTickTime = TimeSpan.FromSeconds(10) };

    /// <summary>a and b connected; on a, a process that traps exits, links to a process on b and
    /// node-monitors b, and writes down when each thing it gets arrived (seconds since start).</summary>
    private static async Task<(Node A, Node B, List<string> Seen, List<object> Inbox)> ConnectedAsync(SimulatedNetwork net)
    {
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        var inbox = new List<object>();
        var sink = b.Spawn(async self => { while (true) inbox.Add(await self.Receive()); });
        b.Register("inbox", sink);
        var remote = Pid.Remote(new Atom("b@sim"), (uint)sink.Number, 0, b.Creation);
        var seen = new List<string>();
        var start = net.Time.GetUtcNow();
        a.Spawn(async self =>
        {
            self.TrapExit = true;
            self.Link(remote);
            self.MonitorNode("b@sim");
            while (true)
            {
                var m = await self.Receive();
                var kind = m is ExitSignal e ? $"EXIT {e.Reason}" : Otp.Terms.Term.Format(m);
                seen.Add($"{(net.Time.GetUtcNow() - start).TotalSeconds:0.###}s {kind}");
            }
        });
        await net.RunForAsync(TimeSpan.FromMilliseconds(10));
        return (a, b, seen, inbox);
    }

    [Fact]
    public async Task A_partition_is_noticed_when_net_ticktime_is_over_and_what_waited_is_lost()
    {
        using var net = SimulatedNetwork.Start(seed: 2, TenSeconds);
        var (a, _, seen, inbox) = await ConnectedAsync(net);
        net.Partition(["a"], ["b"]);
        a.Send("inbox", "b@sim", "during");
        await net.RunForAsync(TimeSpan.FromSeconds(9));
        // Not noticed yet: still connected, nothing signalled, nothing delivered.
        Assert.Equal(["b@sim"], a.Nodes());
        Assert.Empty(seen);
        Assert.Empty(inbox);
        await net.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(["10.01s EXIT noconnection", "10.01s {nodedown,b@sim}"], seen);
        Assert.Empty(a.Nodes());
        Assert.Empty(inbox);
        Assert.Equal(1, net.Statistics.Lost);
    }

    [Fact]
    public async Task A_partition_healed_in_time_goes_unnoticed_and_what_waited_arrives_in_order()
    {
        using var net = SimulatedNetwork.Start(seed: 2, TenSeconds);
        var (a, _, seen, inbox) = await ConnectedAsync(net);
        net.Partition(["a"], ["b"]);
        for (var i = 1; i <= 3; i++) a.Send("inbox", "b@sim", i);
        await net.RunForAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(inbox);
        net.Heal();
        a.Send("inbox", "b@sim", 4);
        await net.RunForAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1, 2, 3, 4], inbox);
        Assert.Empty(seen);
        Assert.Equal(["b@sim"], a.Nodes());
        Assert.Equal(0, net.Statistics.Lost);
    }

    [Fact]
    public async Task A_ping_during_an_unnoticed_partition_answers_after_the_heal_or_not_at_all()
    {
        using var net = SimulatedNetwork.Start(seed: 2, TenSeconds);
        var (a, _, _, _) = await ConnectedAsync(net);
        net.Partition(["a"], ["b"]);
        // The heal is staged in virtual time: the ping's own wait moves the clock.
        net.After(TimeSpan.FromSeconds(3), net.Heal);
        var t0 = net.Time.GetUtcNow();
        Assert.True(await a.PingAsync("b@sim", TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(3) + TimeSpan.FromMilliseconds(2), net.Time.GetUtcNow() - t0);

        net.Partition(["a"], ["b"]);
        t0 = net.Time.GetUtcNow();
        Assert.False(await a.PingAsync("b@sim", TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(10), net.Time.GetUtcNow() - t0);
    }

    [Fact]
    public async Task A_new_partition_that_puts_two_nodes_together_again_lets_their_connection_carry_on()
    {
        using var net = SimulatedNetwork.Start(seed: 2, TenSeconds);
        var (a, _, seen, inbox) = await ConnectedAsync(net);
        net.AddNode("c");
        net.Partition(["a"], ["b"]);
        a.Send("inbox", "b@sim", "waits");
        await net.RunForAsync(TimeSpan.FromSeconds(2));
        net.Partition(["a", "b"], ["c"]);
        await net.RunForAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(["waits"], inbox.Select(m => m is ErlangList l && l.TryGetString(out var s) ? s : "?"));
        Assert.Empty(seen);
    }
}
