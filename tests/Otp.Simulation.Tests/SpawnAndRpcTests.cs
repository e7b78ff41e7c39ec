using System.Text.RegularExpressions;
using Otp.Distribution;
using Otp.Distribution.Simulation;
using Otp.Modules;
using Workbook.Testing;

namespace Otp.Simulation.Tests;

/// <summary>
/// Spawn and rpc between simulated nodes: the same SPAWN_REQUEST / SPAWN_REPLY the TCP
/// distribution carries, in virtual time, with a trace that repeats for a seed.
/// </summary>
public partial class SpawnAndRpcTests
{
    [ErlangModule("calc")]
    public static class Calc
    {
        public static int Double(int n) => 2 * n;

        public static async Task<Atom> Hello(Process self, Atom who)
        {
            await self.FormatAsync("hello ~p from ~p~n", who, new Atom(self.Node.Name));
            return new Atom("done");
        }

        public static async Task<Atom> Slow(Process self)
        {
            await self.Sleep(TimeSpan.FromSeconds(30));
            return new Atom("late");
        }
    }

    private static (SimulatedNetwork Net, Node A, Node B, StringWriter OutA, StringWriter OutB) TwoNodes(int seed = 1)
    {
        var net = SimulatedNetwork.Start(seed, new SimulatedNetworkOptions { Log = _ => { } });
        var outA = new StringWriter();
        var outB = new StringWriter();
        var a = net.AddNode("a", outA);
        var b = net.AddNode("b", outB);
        b.Modules.Register(typeof(Calc));
        return (net, a, b, outA, outB);
    }

    // The scenario of the snapshot: every kind of spawn and call, from a onto b.
    private static async Task<List<string>> CallsAsync(Node a)
    {
        return await a.RunAsync(async self =>
        {
            var lines = new List<string>
            {
                "rpc double: " + Otp.Terms.Term.Format(await Rpc.CallAsync(self, "b@sim", "calc", "double", [21])),
                "rpc undef: " + Otp.Terms.Term.Format(await Rpc.CallAsync(self, "b@sim", "calc", "double", [1, 2])),
                "rpc node: " + Otp.Terms.Term.Format(await Rpc.CallAsync(self, "b@sim", "erlang", "node", [])),
                "rpc hello: " + Otp.Terms.Term.Format(await Rpc.CallAsync(self, "b@sim", "calc", "hello", [new Atom("joe")])),
                "rpc timeout: " + Otp.Terms.Term.Format(await Rpc.CallAsync(self, "b@sim", "calc", "slow", [], TimeSpan.FromSeconds(1))),
            };
            var (pid, mref) = await self.SpawnMonitorAsync("b@sim", "nomod", "nofun", 1);
            var down = (Down)(await self.Receive(m => m is Down d && d.Ref.Equals(mref)))!;
            lines.Add($"spawn_monitor undef: {pid.RemoteNode} {Otp.Terms.Term.Format(down.Reason.Term)}");
            self.TrapExit = true;
            var linked = await self.SpawnLinkAsync("b@sim", "calc", "nofun");
            var exit = (ExitSignal)(await self.Receive(m => m is ExitSignal x && x.From == linked))!;
            lines.Add($"spawn_link undef: {Otp.Terms.Term.Format(exit.Reason.Term)}");
            var plain = await self.SpawnAsync("b@sim", "calc", "hello", new Atom("mike"));
            var watch = self.Monitor(plain);
            lines.Add("spawn hello: " + Otp.Terms.Term.Format(((Down)(await self.Receive(m => m is Down d && d.Ref.Equals(watch)))!).Reason.Term));
            Rpc.Cast(self, "b@sim", "calc", "hello", [new Atom("robert")]);
            await self.Sleep(TimeSpan.FromMilliseconds(10)); // nothing tells when a cast is done
            return lines;
        });
    }

    [Fact]
    public async Task Rpc_and_spawn_between_simulated_nodes_work_as_between_erl_nodes()
    {
        var (net, a, _, outA, outB) = TwoNodes();
        using var _net = net;
        var lines = await CallsAsync(a);
        Assert.Equal(
        [
            "rpc double: 42",
            "rpc undef: {badrpc,{'EXIT',{undef,[{calc,double,[1,2],[]}]}}}",
            "rpc node: b@sim",
            "rpc hello: done",
            "rpc timeout: {badrpc,timeout}",
            "spawn_monitor undef: b@sim {undef,[{nomod,nofun,[1],[]}]}",
            "spawn_link undef: {undef,[{calc,nofun,[],[]}]}",
            "spawn hello: normal",
        ], lines);
        // What the processes on b print goes to their group leader, a's user: it prints on a.
        // So do the error reports of the spawned processes that failed with undef (the rpc's did
        // not fail: erpc caught the error), as erts sends them to the group leader's node.
        Assert.Equal(
            """
            hello joe from b@sim
            =ERROR REPORT==== (time) ===
            Error in process <b@sim.6.0> on node b@sim with exit value:
            {undef,[{nomod,nofun,[1],[]}]}

            =ERROR REPORT==== (time) ===
            Error in process <b@sim.7.0> on node b@sim with exit value:
            {undef,[{calc,nofun,[],[]}]}

            hello mike from b@sim
            hello robert from b@sim

            """, Stamps().Replace(outA.ToString(), "(time)"));
        Assert.Equal("", outB.ToString());
    }

    [Fact]
    public async Task The_trace_of_spawns_and_calls_is_the_same_every_run()
    {
        async Task<string> Run()
        {
            var (net, a, _, _, _) = TwoNodes(seed: 3);
            using var _net = net;
            await CallsAsync(a);
            return net.Trace!.ToText();
        }
        var first = await Run();
        Assert.Equal(first, await Run());
        await Snapshot.Verify(first);
    }

    [Fact]
    public async Task Calls_to_a_node_across_a_partition_fail_as_in_erlang()
    {
        var (net, a, _, _, _) = TwoNodes();
        using var _net = net;
        net.Partition(["a"], ["b"]);
        var lines = await a.RunAsync(async self =>
        {
            var result = new List<string> { "rpc: " + Otp.Terms.Term.Format(await Rpc.CallAsync(self, "b@sim", "calc", "double", [1])) };
            var (pid, mref) = await self.SpawnMonitorAsync("b@sim", "calc", "double", 1);
            var down = (Down)(await self.Receive(m => m is Down d && d.Ref.Equals(mref)))!;
            result.Add($"spawn_monitor: local={pid.IsLocal} {down.Reason}");
            self.TrapExit = true;
            var linked = await self.SpawnLinkAsync("b@sim", "calc", "double", 1);
            var exit = (ExitSignal)(await self.Receive(m => m is ExitSignal x && x.From == linked))!;
            result.Add($"spawn_link: local={linked.IsLocal} {exit.Reason}");
            Rpc.Cast(self, "b@sim", "calc", "hello", [new Atom("nobody")]);
            return result;
        });
        Assert.Equal(["rpc: {badrpc,nodedown}", "spawn_monitor: local=True noconnection", "spawn_link: local=True noconnection"], lines);
    }

    [Fact]
    public async Task A_partition_during_a_call_gives_badrpc_nodedown()
    {
        var (net, a, _, _, _) = TwoNodes();
        using var _net = net;
        net.After(TimeSpan.FromSeconds(2), () => net.Partition(["a"], ["b"]));
        var r = await Rpc.CallAsync(a, "b@sim", "calc", "slow", []);
        Assert.Equal("{badrpc,nodedown}", Otp.Terms.Term.Format(r));
    }

    [Fact]
    public async Task A_failed_spawn_is_logged_as_erl_logs_it()
    {
        var log = new List<string>();
        using var net = SimulatedNetwork.Start(1, new SimulatedNetworkOptions { Log = log.Add });
        var a = net.AddNode("a");
        net.AddNode("b");
        net.Partition(["a"], ["b"]);
        await a.RunAsync(async self =>
        {
            self.TrapExit = true;
            await self.SpawnLinkAsync("b@sim", "m", "f", 1);
            await self.SpawnMonitorAsync("b@sim", "m", "f");
            await self.SpawnAsync("b@sim", "m", "f");
        });
        Assert.Equal(["** Can not start m:f,[1] ([link]) on b@sim **", "** Can not start m:f,[] ([monitor]) on b@sim **", "** Can not start m:f,[] on b@sim **"], log);
    }

    [GeneratedRegex(@"(?<===== )\S+(?= ===)")]
    private static partial Regex Stamps();
}
