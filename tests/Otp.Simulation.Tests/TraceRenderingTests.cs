using Otp.Distribution.Simulation;

namespace Otp.Simulation.Tests;

public class TraceRenderingTests
{
    private static async Task<SimulatedNetwork> PingPongWithPartitionAsync()
    {
        var net = SimulatedNetwork.Start(seed: 1);
        await Scenarios.PingPongAsync(net, 1);
        net.Partition(["a"], ["b"]);
        return net;
    }

    [Fact]
    public async Task Text_names_each_process_with_its_node()
    {
        using var net = await PingPongWithPartitionAsync();
        var text = net.Trace!.ToText(withTime: false);
        // A pid inside a message shows its node too, on either side of the network.
        Assert.Contains("pong@b receives {ping,<0.1.0>@a}", text);
        Assert.Contains("<0.1.0>@a ! pong@b {ping,<0.1.0>@a}", text);
        Assert.Contains("! pong@b", text);
        Assert.Matches(@"<0\.\d+\.0>@a ! pong@b", text);
        Assert.Contains("-- a@sim and b@sim lose their connection (partition) --", text);
    }

    [Fact]
    public async Task Svg_groups_lifelines_per_node_and_draws_the_partition_across()
    {
        using var net = await PingPongWithPartitionAsync();
        var svg = net.Trace!.ToSequenceDiagram().Svg;
        Assert.Contains(">node a<", svg);
        Assert.Contains(">node b<", svg);
        Assert.Contains(">pong@b<", svg);
        Assert.Matches(@">&lt;0\.\d+\.0&gt;@a<", svg);
        Assert.Contains("partition {a@sim} | {b@sim}", svg);
        // Nodes in order of appearance: pong on b is spawned first, so b's box comes first.
        Assert.True(svg.IndexOf(">node b<", StringComparison.Ordinal) < svg.IndexOf(">node a<", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mermaid_puts_each_node_in_a_box_and_notes_the_partition()
    {
        using var net = await PingPongWithPartitionAsync();
        var mermaid = net.Trace!.ToMermaid();
        Assert.Contains("box node a", mermaid);
        Assert.Contains("box node b", mermaid);
        Assert.Contains("as pong@b", mermaid);
        Assert.Matches(@"Note over P0,P\d+: partition \{a@sim\} \| \{b@sim\}", mermaid);
    }

    [Fact]
    public async Task A_label_given_to_a_pid_from_Spawn_names_it_in_the_network_trace()
    {
        using var net = SimulatedNetwork.Start(seed: 1);
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        // The same local number on two nodes: the labels must not collide.
        var onA = a.Spawn(async self => await self.Receive());
        var onB = b.Spawn(async self => await self.Receive());
        Assert.Equal(onA.Number, onB.Number);
        net.Trace!.Label(onA, "alice");
        net.Trace.Label(onB, "bob");
        Assert.Equal("alice", net.Trace.NameOf(onA));
        Assert.Equal("bob", net.Trace.NameOf(onB));
        a.Send(onA, "x");
        b.Send(onB, "y");
        await net.SettleAsync();
        var text = net.Trace.ToText(withTime: false);
        Assert.Contains("alice receives \"x\"", text);
        Assert.Contains("bob receives \"y\"", text);
    }
}
