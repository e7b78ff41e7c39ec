using Otp.Distribution.Simulation;

namespace Otp.Simulation.Tests;

public class PartitionTests
{
    private static readonly Atom Hello = new("hello");

    /// <summary>A process on b that waits forever, registered as <c>sleeper</c>, and a
    /// <c>whereis</c> service that answers <c>{From, Name}</c> with <c>{where, Pid}</c>.</summary>
    private static Pid Sleeper(Node b)
    {
        var pid = b.Spawn(async self => await self.Receive(m => false));
        b.Register("sleeper", pid);
        b.Register("whereis", b.Spawn(async self =>
        {
            while (true)
            {
                var m = (ErlangTuple)await self.Receive();
                self.Send((Pid)m[0]!, new ErlangTuple(new Atom("where"), self.Node.WhereIs(((Atom)m[1]!).Name)));
            }
        }));
        return pid;
    }

    /// <summary>What a trapping process on a sees, in order, as lines.</summary>
    private static string Show(object m) => m switch
    {
        ExitSignal e => $"EXIT {e.Reason}",
        Down d => $"DOWN {d.Reason}",
        ErlangTuple { Length: 2 } t when t[0] is Atom { Name: "nodedown" or "nodeup" } kind => $"{kind} {t[1]}",
        _ => Otp.Terms.Term.Format(m),
    };

    [Fact]
    public async Task A_partition_brings_noconnection_to_links_and_monitors_and_nodedown_to_node_monitors()
    {
        using var net = SimulatedNetwork.Start(seed: 3);
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        Sleeper(b);
        var seen = new List<string>();
        var observer = a.Spawn(async self =>
        {
            self.TrapExit = true;
            self.MonitorNodes();
            // Find the sleeper's pid through a monitor by name, then link and monitor it by pid.
            var remote = await FindAsync(self, "sleeper", "b@sim");
            self.Link(remote);
            self.Monitor(remote);
            self.MonitorNode("b@sim");
            self.Send(self.Self, new Atom("ready"));
            await self.Receive(m => m is Atom { Name: "ready" });
            for (var i = 0; i < 5; i++) seen.Add(Show(await self.Receive()));
        });
        await net.RunForAsync(TimeSpan.FromMilliseconds(20));
        Assert.Equal(["a@sim"], b.Nodes());
        Assert.Equal(["b@sim"], a.Nodes());
        net.Partition(["a"], ["b"]);
        await a.WaitForExitAsync(observer);
        // nodeup when the link connected a to b; then, as two erl nodes show it
        // (ErlComparisonTests): EXIT, DOWN, monitor_node's nodedown, monitor_nodes' nodedown.
        Assert.Equal(["nodeup b@sim", "EXIT noconnection", "DOWN noconnection", "nodedown b@sim", "nodedown b@sim"], seen);
        Assert.Empty(a.Nodes());
        Assert.Empty(b.Nodes());
        Assert.False(net.CanReach("a", "b"));
        Assert.Contains("-- partition {a@sim} | {b@sim} --", net.Trace!.ToText(withTime: false));
    }

    /// <summary>The pid registered as <paramref name="name"/> on <paramref name="node"/>, asked
    /// for with a message (the sleeper answers nothing, so ask through a helper that does).</summary>
    private static async Task<Pid> FindAsync(Process self, string name, string node)
    {
        self.Send("whereis", node, new ErlangTuple(self.Self, new Atom(name)));
        var reply = (ErlangTuple)await self.Receive(m => m is ErlangTuple { Length: 2 } t && t[0] is Atom { Name: "where" });
        return (Pid)reply[1]!;
    }

    [Fact]
    public async Task Messages_across_a_partition_are_dropped_and_flow_again_after_heal_and_reconnect()
    {
        using var net = SimulatedNetwork.Start(seed: 8);
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        var got = new List<object>();
        b.Register("inbox", b.Spawn(async self => { while (true) got.Add(await self.Receive()); }));
        var ups = new List<string>();
        var watcher = a.Spawn(async self =>
        {
            self.MonitorNodes();
            while (true) ups.Add(Show(await self.Receive()));
        });
        await net.SettleAsync();
        a.Send("inbox", "b@sim", 1);
        await net.RunForAsync(TimeSpan.FromMilliseconds(5));
        net.Partition(["a"], ["b"]);
        a.Send("inbox", "b@sim", 2);
        Assert.False(await a.PingAsync("b@sim"));
        await net.RunForAsync(TimeSpan.FromMilliseconds(5));
        net.Heal();
        // Erlang does not reconnect by itself: the next use of the connection does.
        Assert.Empty(a.Nodes());
        Assert.True(await a.PingAsync("b@sim"));
        a.Send("inbox", "b@sim", 3);
        await net.RunForAsync(TimeSpan.FromMilliseconds(5));
        Assert.Equal([1, 3], got);
        Assert.Equal(["nodeup b@sim", "nodedown b@sim", "nodeup b@sim"], ups);
        Assert.Equal(new NetworkStatistics(Sent: 2, Delivered: 2, Lost: 0, Duplicated: 0, Unreachable: 1), net.Statistics);
        Assert.True(a.IsAlive(watcher));
    }

    [Fact]
    public async Task Messages_in_flight_when_the_connection_breaks_are_lost()
    {
        using var net = SimulatedNetwork.Start(seed: 1, new SimulatedNetworkOptions { Latency = TimeSpan.FromMilliseconds(50) });
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        var got = new List<object>();
        b.Register("inbox", b.Spawn(async self => { while (true) got.Add(await self.Receive()); }));
        a.Send("inbox", "b@sim", "early");
        await net.RunForAsync(TimeSpan.FromMilliseconds(60));
        a.Send("inbox", "b@sim", "in flight");
        await net.RunForAsync(TimeSpan.FromMilliseconds(10));
        net.Partition(["a"], ["b"]);
        await net.RunForAsync(TimeSpan.FromMilliseconds(100));
        Assert.Single(got);
        Assert.Equal(1, net.Statistics.Lost);
        Assert.Contains("(lost)", net.Trace!.ToText(withTime: false));
    }

    [Fact]
    public async Task Link_monitor_and_monitor_node_to_an_unreachable_node_answer_at_once()
    {
        using var net = SimulatedNetwork.Start(seed: 2);
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        var remote = await b.RunAsync(self => Task.FromResult(self.Self));
        net.Partition(["a"], ["b"]);
        var seen = await a.RunAsync(async self =>
        {
            self.TrapExit = true;
            var asRemote = Pid.Remote(new Atom("b@sim"), (uint)remote.Number, 0, b.Creation);
            self.Link(asRemote);
            self.Monitor(asRemote);
            self.MonitorNode("b@sim");
            var lines = new List<string>();
            for (var i = 0; i < 3; i++) lines.Add(Show(await self.Receive(_ => true, TimeSpan.FromSeconds(1)) ?? "nothing"));
            return lines;
        });
        Assert.Equal(["EXIT noconnection", "DOWN noconnection", "nodedown b@sim"], seen);
    }
}
