using Otp.Distribution.Simulation;
using Otp.Distribution.Terms;

namespace Otp.Simulation.Tests;

[ErlangRecord("greeting")]
public sealed record Greeting(Pid From, string Text);

public class NodeApiTests
{
    [Fact]
    public async Task A_pid_arrives_as_the_other_nodes_pid_and_a_reply_to_it_comes_back_to_the_sender()
    {
        using var net = SimulatedNetwork.Start(seed: 1);
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        Pid? seenOnB = null;
        b.Register("echo", b.Spawn(async self =>
        {
            var m = (ErlangTuple)await self.Receive();
            seenOnB = (Pid)m[0]!;
            self.Send(seenOnB, m[1]!);
        }));
        var (self, reply) = await a.RunAsync(async p =>
        {
            p.Send("echo", "b@sim", new ErlangTuple(p.Self, "hello"));
            return (p.Self, await p.Receive());
        });
        // A C# string travels as an Erlang string (a list), exactly as over TCP.
        Assert.True(reply is ErlangList l && l.TryGetString(out var text) && text == "hello");
        Assert.NotNull(seenOnB);
        Assert.False(seenOnB.IsLocal);
        Assert.Equal(new Atom("a@sim"), seenOnB.RemoteNode);
        Assert.Equal(self.Number, seenOnB.Number);
        Assert.Equal(a.Creation, seenOnB.Creation);
    }

    [Fact]
    public async Task A_message_with_no_Erlang_form_fails_at_the_send_as_over_tcp()
    {
        using var net = SimulatedNetwork.Start(seed: 1);
        var a = net.AddNode("a");
        net.AddNode("b");
        var error = await Assert.ThrowsAsync<BadArgException>(() => a.RunAsync(self =>
        {
            self.Send("anyone", "b@sim", new object());
            return Task.CompletedTask;
        }));
        Assert.Contains("cannot send", error.Message);
    }

    [Fact]
    public async Task Registered_records_are_rebuilt_on_arrival_and_others_arrive_as_tuples()
    {
        using var net = SimulatedNetwork.Start(seed: 1, new SimulatedNetworkOptions { Records = new TermRecords().Register<Greeting>() });
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        object? got = null;
        var pid = b.Spawn(async self => got = await self.Receive());
        b.Register("inbox", pid);
        await a.RunAsync(self =>
        {
            self.Send("inbox", "b@sim", new Greeting(self.Self, "hi"));
            return Task.CompletedTask;
        });
        await b.WaitForExitAsync(pid);
        var greeting = Assert.IsType<Greeting>(got);
        Assert.Equal("hi", greeting.Text);
        Assert.Equal(new Atom("a@sim"), greeting.From.RemoteNode);
    }

    [Fact]
    public async Task Nodes_connect_on_first_use_and_connecting_to_one_member_connects_to_all()
    {
        using var net = SimulatedNetwork.Start(seed: 1);
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        var c = net.AddNode("c");
        Assert.Empty(a.Nodes());
        Assert.True(await b.PingAsync("c@sim"));
        Assert.True(await a.PingAsync("b@sim"));
        Assert.Equal(["b@sim", "c@sim"], a.Nodes());
        Assert.Equal(["a@sim", "b@sim"], c.Nodes());
        Assert.False(await a.PingAsync("nobody@sim"));
        Assert.True(a.Disconnect("b@sim"));
        Assert.Equal(["c@sim"], a.Nodes());
    }

    [Fact]
    public async Task A_stopped_node_can_start_again_with_a_new_creation()
    {
        using var net = SimulatedNetwork.Start(seed: 1);
        net.AddNode("a");
        var b = net.AddNode("b");
        var oldCreation = b.Creation;
        b.Dispose();
        Assert.False(net.CanReach("a", "b"));
        Assert.Throws<KeyNotFoundException>(() => net["b"]);
        var again = net.AddNode("b");
        Assert.Equal(oldCreation + 1, again.Creation);
        Assert.True(await net["a"].PingAsync("b@sim"));
        Assert.Throws<ArgumentException>(() => net.AddNode("b"));
    }

    [Fact]
    public void Bad_options_and_names_are_refused_with_a_clear_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedNetwork.Start(1, new SimulatedNetworkOptions { LossRate = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedNetwork.Start(1, new SimulatedNetworkOptions { Latency = TimeSpan.FromMilliseconds(-1) }));
        using var net = SimulatedNetwork.Start(1);
        net.AddNode("a");
        Assert.Throws<ArgumentException>(() => net.Partition(["a"], ["nobody"]));
        Assert.Throws<ArgumentException>(() => net.Partition(["a"], ["a"]));
    }
}
