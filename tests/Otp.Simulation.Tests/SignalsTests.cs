using Otp.Distribution.Simulation;

namespace Otp.Simulation.Tests;

/// <summary>Links, exit signals and monitors between processes of two simulated nodes, with the
/// semantics of local ones (and of the real distribution).</summary>
public class SignalsTests
{
    private static readonly Atom Die = new("die");

    /// <summary>A process on <paramref name="node"/> that exits with the reason it is sent, as
    /// the pid other nodes know it by.</summary>
    private static (Pid Local, Pid Remote) Victim(Node node, string? name = null)
    {
        var pid = node.Spawn(async self =>
        {
            var m = (ErlangTuple)await self.Receive(x => x is ErlangTuple { Length: 2 } t && Die.Equals(t[0]));
            self.Exit(new ExitReason(m[1]!));
        });
        if (name is not null) node.Register(name, pid);
        return (pid, Pid.Remote(new Atom(node.Name), (uint)pid.Number, 0, node.Creation));
    }

    [Fact]
    public async Task A_remote_link_carries_the_exit_reason_and_unlink_stops_it()
    {
        using var net = SimulatedNetwork.Start(seed: 5);
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        var (_, first) = Victim(b);
        var (_, second) = Victim(b);
        var seen = await a.RunAsync(async self =>
        {
            self.TrapExit = true;
            self.Link(first);
            self.Link(second);
            self.Unlink(second);
            self.Send(first, new ErlangTuple(Die, new Atom("boom")));
            self.Send(second, new ErlangTuple(Die, new Atom("boom")));
            var exit = (ExitSignal)await self.Receive(m => m is ExitSignal);
            var more = await self.Receive(m => m is ExitSignal, TimeSpan.FromSeconds(1));
            return (exit, more);
        });
        Assert.Equal(first, seen.exit.From);
        Assert.Equal(ExitReason.Of("boom"), seen.exit.Reason);
        Assert.Null(seen.more);
    }

    [Fact]
    public async Task A_process_that_does_not_trap_exits_dies_with_its_remote_partner()
    {
        using var net = SimulatedNetwork.Start(seed: 5);
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        var (_, victim) = Victim(b);
        var linked = a.Spawn(async self =>
        {
            self.Link(victim);
            self.Send(victim, new ErlangTuple(Die, new Atom("boom")));
            await self.Receive(_ => false);
        });
        Assert.Equal(ExitReason.Of("boom"), await a.WaitForExitAsync(linked));
    }

    [Fact]
    public async Task Linking_to_a_remote_process_that_does_not_exist_gives_noproc()
    {
        using var net = SimulatedNetwork.Start(seed: 5);
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        var (local, gone) = Victim(b);
        b.Exit(local, ExitReason.Kill);
        var exit = await a.RunAsync(async self =>
        {
            self.TrapExit = true;
            self.Link(gone);
            return (ExitSignal)await self.Receive(m => m is ExitSignal);
        });
        Assert.Equal(ExitReason.NoProc, exit.Reason);
    }

    [Fact]
    public async Task A_monitor_by_name_on_another_node_gets_the_reason_or_noproc()
    {
        using var net = SimulatedNetwork.Start(seed: 5);
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        Victim(b, "worker");
        var (down, missing) = await a.RunAsync(async self =>
        {
            var r = self.Monitor("worker", "b@sim");
            var none = self.Monitor("nobody", "b@sim");
            self.Send("worker", "b@sim", new ErlangTuple(Die, new Atom("done")));
            var d1 = (Down)await self.Receive(m => m is Down d && d.Ref.Equals(r));
            var d2 = (Down)await self.Receive(m => m is Down d && d.Ref.Equals(none));
            return (d1, d2);
        });
        Assert.Equal(ExitReason.Of("done"), down.Reason);
        Assert.Equal(new RegisteredName("worker", "b@sim"), down.Item);
        Assert.Equal(ExitReason.NoProc, missing.Reason);
    }

    [Fact]
    public async Task Demonitor_means_no_DOWN_and_exit2_reaches_a_remote_process()
    {
        using var net = SimulatedNetwork.Start(seed: 5);
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        var (local, victim) = Victim(b);
        var late = await a.RunAsync(async self =>
        {
            var r = self.Monitor(victim);
            self.Demonitor(r);
            self.Exit(victim, ExitReason.Kill);
            return await self.Receive(m => m is Down, TimeSpan.FromSeconds(1));
        });
        Assert.Null(late);
        Assert.Equal(ExitReason.Killed, await b.WaitForExitAsync(local));
    }
}
