using Otp.Distribution.Simulation;

namespace Otp.Simulation.Tests;

/// <summary>
/// A pid carries its node, as in Erlang: a pid that <c>b.Spawn</c> returned, used on node a's
/// API, names the process on b, and every signal to it crosses the network.
/// </summary>
public class ForeignPidTests
{
    private static Pid Echo(Node node) => node.Spawn(async self =>
    {
        while (await self.Receive() is ErlangTuple { Length: 2 } t && t[0] is Pid from)
            self.Send(from, t[1]!);
    });

    [Fact]
    public async Task A_send_to_a_pid_of_another_node_crosses_the_network()
    {
        using var net = SimulatedNetwork.Start(seed: 1);
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        var echo = Echo(b);
        var reply = await a.RunAsync(async self =>
        {
            self.Send(echo, new ErlangTuple(self.Self, new Atom("hi")));
            return await self.Receive();
        });
        Assert.Equal(new Atom("hi"), reply);
        var trace = net.Trace!.ToText();
        // Over the network: a connection, the latency, and the sender's pid as b sees it.
        Assert.Contains("-- a@sim connects to b@sim --", trace);
        Assert.Contains("0.001s  <0.1.0>@b receives {<0.1.0>@a,hi}", trace);
        Assert.Equal(2, net.Statistics.Delivered); // the request and the reply
    }

    [Fact]
    public async Task Links_and_monitors_on_a_pid_of_another_node_see_a_partition()
    {
        using var net = SimulatedNetwork.Start(seed: 1);
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        var echo = Echo(b);
        net.After(TimeSpan.FromSeconds(1), () => net.Partition(["a"], ["b"]));
        var (exit, down) = await a.RunAsync(async self =>
        {
            self.TrapExit = true;
            self.Link(echo);
            var mref = self.Monitor(echo);
            var e = await self.Receive(m => m is ExitSignal);
            var d = await self.Receive(m => m is Down x && x.Ref.Equals(mref));
            return ((ExitSignal)e!, (Down)d!);
        });
        // A local link would never hear of a partition: these went through the network.
        Assert.Equal("noconnection", exit.Reason.ToString());
        Assert.Equal("noconnection", down.Reason.ToString());
        Assert.Equal(new Atom("b@sim"), exit.From.RemoteNode);
        // And b's side of the link broke too: the echo process was linked, and does not trap exits.
        Assert.Equal("noconnection", b.ExitReasonOf(echo)?.ToString());
    }

    [Fact]
    public async Task A_pid_of_another_node_inside_a_message_arrives_as_that_nodes_pid()
    {
        using var net = SimulatedNetwork.Start(seed: 1);
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        var c = net.AddNode("c");
        var echo = Echo(b);
        Pid? seen = null;
        c.Register("inbox", c.Spawn(async self =>
        {
            seen = (Pid)(await self.Receive())!;
            self.Send(seen, new ErlangTuple(self.Self, new Atom("from_c")));
        }));
        await a.RunAsync(self =>
        {
            self.Send("inbox", "c@sim", echo);
            return Task.CompletedTask;
        });
        await net.RunForAsync(TimeSpan.FromMilliseconds(10));
        Assert.NotNull(seen);
        Assert.Equal(new Atom("b@sim"), seen.RemoteNode);
        Assert.Equal(echo.Number, seen.Number);
        Assert.Equal(b.Creation, seen.Creation);
        Assert.Contains("<0.1.0>@b receives {<0.1.0>@c,from_c}", net.Trace!.ToText());
    }

    [Fact]
    public void A_pid_of_a_node_outside_the_network_is_refused_with_a_clear_error()
    {
        using var net = SimulatedNetwork.Start(seed: 1);
        var a = net.AddNode("a");
        using var plain = Node.Start();
        var stranger = plain.Spawn(self => self.Receive().AsTask());
        var error = Assert.Throws<BadArgException>(() => a.Send(stranger, new Atom("hi")));
        Assert.Contains("cannot reach", error.Message);
        plain.Exit(stranger, ExitReason.Kill);
    }
}
