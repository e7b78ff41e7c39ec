using System.Diagnostics;
using Otp.Distribution.Simulation;

namespace Otp.Simulation.Tests;

/// <summary>
/// Scenarios run once with two real erl nodes (the second started with the peer module) and once
/// on the simulated network; the lines must be the same, in the same order: what a process sees
/// when the node of a process it links to, monitors and node-monitors goes away (halted or
/// disconnected), and what link, monitor and monitor_node to a node that has stopped answer.
/// Skipped without erl, failed then under OTP_REQUIRE_ERL=1.
/// </summary>
public class ErlComparisonTests
{
    // Prints one line per message the observer gets after the peer goes away, in arrival order:
    // EXIT/DOWN with their reason, then nodedown from monitor_node and from monitor_nodes. (The
    // nodedown_reason option tells the two apart on erl: monitor_node's comes first. The runtime's
    // two are the same tuple, so the comparison sees both as "nodedown".)
    private const string Observer = """
        -module(sim_order).
        -export([main/1]).
        main(How) ->
            process_flag(trap_exit, true),
            {ok, Peer, Node} = peer:start(#{name => peer:random_name(),
                args => ["-kernel", "inet_dist_use_interface", "{127,0,0,1}"]}),
            P = spawn(Node, fun() -> receive after infinity -> ok end end),
            net_kernel:monitor_nodes(true, [nodedown_reason]),
            link(P), monitor(process, P), monitor_node(Node, true),
            case How of
                halt -> rpc:cast(Node, erlang, halt, []);
                disconnect -> erlang:disconnect_node(Node)
            end,
            timer:sleep(1000),
            Show = fun Loop() ->
                receive
                    {'EXIT', _, R} -> io:format("line EXIT ~p~n", [R]), Loop();
                    {'DOWN', _, process, _, R} -> io:format("line DOWN ~p~n", [R]), Loop();
                    {nodedown, _} -> io:format("line nodedown~n"), Loop();
                    {nodedown, _, _} -> io:format("line nodedown~n"), Loop();
                    Other -> io:format("line other ~p~n", [Other]), Loop()
                after 0 -> ok
                end
            end,
            Show(),
            catch peer:stop(Peer).
        """;

    // After the peer has stopped: a send (dropped without an error), then link, monitor and
    // monitor_node to it, each answered at once, in the order they were asked.
    private const string Unreachable = """
        -module(sim_unreachable).
        -export([main/0]).
        main() ->
            process_flag(trap_exit, true),
            {ok, Peer, Node} = peer:start(#{name => peer:random_name(),
                args => ["-kernel", "inet_dist_use_interface", "{127,0,0,1}"]}),
            P = spawn(Node, fun() -> receive after infinity -> ok end end),
            peer:stop(Peer),
            timer:sleep(200),
            P ! hello,
            link(P), monitor(process, P), monitor_node(Node, true),
            timer:sleep(500),
            Show = fun Loop() ->
                receive
                    {'EXIT', _, R} -> io:format("line EXIT ~p~n", [R]), Loop();
                    {'DOWN', _, process, _, R} -> io:format("line DOWN ~p~n", [R]), Loop();
                    {nodedown, _} -> io:format("line nodedown~n"), Loop();
                    Other -> io:format("line other ~p~n", [Other]), Loop()
                after 0 -> ok
                end
            end,
            Show(),
            io:format("line nodes ~p~n", [length(nodes())]).
        """;

    // After the peer has stopped: rpc:call, spawn_monitor and spawn_link to it, and what erl
    // logs for the two spawns.
    private const string SpawnUnreachable = """
        -module(sim_spawn_unreachable).
        -export([main/0]).
        main() ->
            process_flag(trap_exit, true),
            {ok, Peer, Node} = peer:start(#{name => peer:random_name(),
                args => ["-kernel", "inet_dist_use_interface", "{127,0,0,1}"]}),
            peer:stop(Peer),
            timer:sleep(200),
            io:format("line node ~s~n", [Node]),
            io:format("line rpc ~p~n", [rpc:call(Node, erlang, node, [])]),
            {_, R} = spawn_monitor(Node, erlang, node, []),
            receive {'DOWN', R, process, _, W} -> io:format("line DOWN ~p~n", [W]) after 5000 -> io:format("line no DOWN~n") end,
            P = spawn_link(Node, erlang, node, [1]),
            receive {'EXIT', P, W2} -> io:format("line EXIT ~p~n", [W2]) after 5000 -> io:format("line no EXIT~n") end,
            timer:sleep(300).
        """;

    [Fact]
    public async Task Rpc_and_spawn_to_a_stopped_node_answer_and_log_as_erl_does()
    {
        var erl = await ErlLinesAsync(SpawnUnreachable, "sim_spawn_unreachable", "sim_spawn_unreachable:main()", "spawnun",
            keep: l => l.StartsWith("** Can not start", StringComparison.Ordinal));
        var erlNode = erl.First(l => l.StartsWith("node ", StringComparison.Ordinal))["node ".Length..];
        // erl quotes a name such as peer-1-2@host; its logger prints on its own time, so the log
        // lines and the results are compared each in their order, not with each other.
        var expected = Split(erl.Where(l => !l.StartsWith("node ", StringComparison.Ordinal)).Select(l => l.Replace($"'{erlNode}'", "N").Replace(erlNode, "N")));
        Assert.Equal(["rpc {badrpc,nodedown}", "DOWN noconnection", "EXIT noconnection"], expected.Results);
        Assert.Equal(["** Can not start erlang:node,[] ([monitor]) on N **", "** Can not start erlang:node,[1] ([link]) on N **"], expected.Log);

        var lines = new List<string>();
        using var net = SimulatedNetwork.Start(seed: 9, new SimulatedNetworkOptions { Log = lines.Add });
        var obs = net.AddNode("obs");
        var peer = net.AddNode("peer");
        Assert.True(await obs.PingAsync(peer.Name));
        peer.Dispose();
        await obs.RunAsync(async self =>
        {
            self.TrapExit = true;
            lines.Add("rpc " + Otp.Terms.Term.Format(await Otp.Distribution.Rpc.CallAsync(self, "peer@sim", "erlang", "node", [])));
            var (_, r) = await self.SpawnMonitorAsync("peer@sim", "erlang", "node");
            lines.Add($"DOWN {((Down)(await self.Receive(m => m is Down d && d.Ref.Equals(r)))!).Reason}");
            var p = await self.SpawnLinkAsync("peer@sim", "erlang", "node", 1);
            lines.Add($"EXIT {((ExitSignal)(await self.Receive(m => m is ExitSignal e && e.From == p))!).Reason}");
        });
        var actual = Split(lines.Select(l => l.Replace("peer@sim", "N")));
        Assert.Equal(expected.Results, actual.Results);
        Assert.Equal(expected.Log, actual.Log);
    }

    private static (List<string> Results, List<string> Log) Split(IEnumerable<string> lines)
    {
        var all = lines.ToList();
        return ([.. all.Where(l => !l.StartsWith("**", StringComparison.Ordinal))], [.. all.Where(l => l.StartsWith("**", StringComparison.Ordinal))]);
    }

    [Fact]
    public async Task Link_monitor_and_monitor_node_to_a_stopped_node_answer_as_erl_does()
    {
        var expected = await ErlLinesAsync(Unreachable, "sim_unreachable", "sim_unreachable:main()", "unreach");
        Assert.Equal(["EXIT noconnection", "DOWN noconnection", "nodedown", "nodes 0"], expected);

        using var net = SimulatedNetwork.Start(seed: 9);
        var obs = net.AddNode("obs");
        var peer = net.AddNode("peer");
        var sleeper = peer.Spawn(async self => await self.Receive(_ => false));
        var remote = Pid.Remote(new Atom(peer.Name), (uint)sleeper.Number, 0, peer.Creation);
        Assert.True(await obs.PingAsync(peer.Name));
        peer.Dispose();
        var actual = await obs.RunAsync(async self =>
        {
            self.TrapExit = true;
            self.Send(remote, new Atom("hello"));
            self.Link(remote);
            self.Monitor(remote);
            self.MonitorNode(remote.RemoteNode!.Value.Name);
            await self.Receive(_ => false, TimeSpan.FromMilliseconds(500));
            var lines = new List<string>();
            while (await self.Receive(_ => true, TimeSpan.Zero) is { } m) lines.Add(Show(m));
            lines.Add($"nodes {self.Node.Nodes().Count}");
            return lines;
        });
        Assert.Equal(expected, actual);
        Assert.Equal(1, net.Statistics.Unreachable);
    }

    private static string Show(object m) => m switch
    {
        ExitSignal e => $"EXIT {e.Reason}",
        Down d => $"DOWN {d.Reason}",
        ErlangTuple { Length: 2 } t when t[0] is Atom { Name: "nodedown" } => "nodedown",
        _ => $"other {Otp.Terms.Term.Format(m)}",
    };

    [Theory]
    [InlineData("halt")]
    [InlineData("disconnect")]
    public async Task Order_of_EXIT_DOWN_and_nodedown_when_a_node_goes_away_is_erls(string how)
    {
        var expected = await ErlLinesAsync(Observer, "sim_order", $"sim_order:main({how})", how);
        Assert.Equal(["EXIT noconnection", "DOWN noconnection", "nodedown", "nodedown"], expected);
        Assert.Equal(expected, await SimulatedLinesAsync(how));
    }

    private static async Task<List<string>> SimulatedLinesAsync(string how)
    {
        using var net = SimulatedNetwork.Start(seed: 9);
        var obs = net.AddNode("obs");
        var peer = net.AddNode("peer");
        var sleeper = peer.Spawn(async self => await self.Receive(_ => false));
        var remote = Pid.Remote(new Atom(peer.Name), (uint)sleeper.Number, 0, peer.Creation);
        var observer = obs.Spawn(async self =>
        {
            self.TrapExit = true;
            self.MonitorNodes();
            self.Link(remote);
            self.Monitor(remote);
            self.MonitorNode(peer.Name);
            await self.Receive(m => m is Atom { Name: "go" });
        });
        await net.RunForAsync(TimeSpan.FromMilliseconds(10));
        // The nodeup of the first connection is not part of the comparison (erl's peer:start
        // connected before monitor_nodes was on).
        var firstUp = obs.MessagesOf(observer).Count;
        if (how == "halt") peer.Dispose();
        else Assert.True(obs.Disconnect(peer.Name));
        await net.RunForAsync(TimeSpan.FromMilliseconds(10));
        return [.. obs.MessagesOf(observer).Skip(firstUp).Select(Show)];
    }

    /// <summary>Compiles <paramref name="source"/> as <paramref name="module"/>, runs
    /// <paramref name="eval"/> on a fresh erl node, and returns the lines it printed after "line ",
    /// and whole the lines <paramref name="keep"/> accepts, in order.</summary>
    private static async Task<List<string>> ErlLinesAsync(string source, string module, string eval, string tag, Func<string, bool>? keep = null)
    {
        var erl = Workbook.ErlangTools.Require("erl");
        var erlc = Workbook.ErlangTools.Require("erlc");
        var dir = Directory.CreateTempSubdirectory("sim-order-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, module + ".erl"), source, TestContext.Current.CancellationToken);
            await RunAsync(erlc, dir.FullName, [module + ".erl"]);
            var output = await RunAsync(erl, dir.FullName,
                ["-sname", $"simobs{Environment.ProcessId}_{tag}", "-noshell", "-kernel", "inet_dist_use_interface", "{127,0,0,1}",
                 "-eval", $"{eval}, halt()."]);
            return [.. output.Split('\n').Select(l => l.TrimEnd('\r'))
                .Where(l => l.StartsWith("line ", StringComparison.Ordinal) || keep?.Invoke(l) == true)
                .Select(l => l.StartsWith("line ", StringComparison.Ordinal) ? l["line ".Length..].Trim() : l)];
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string exe, string dir, string[] args)
    {
        var info = new ProcessStartInfo(exe) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = p.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = p.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{exe} {string.Join(' ', args)} did not finish within 60 s");
        }
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} exited with {p.ExitCode}: {await stderr}");
        return await stdout;
    }
}
