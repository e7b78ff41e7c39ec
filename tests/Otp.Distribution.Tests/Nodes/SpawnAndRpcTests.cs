using Otp.Modules;

namespace Otp.Distribution.Tests.Nodes;

/// <summary>
/// Spawn and calls across nodes with a real <c>erl</c>: one erl "driver" runs the same calls
/// against an erl peer and against the C# node, and the C# node's answers must print exactly as
/// the erl peer's do. Then the other way: C# spawning on and calling into erl.
/// </summary>
public class SpawnAndRpcTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [ErlangModule("cs_demo")]
    public static class CsDemo
    {
        public static int Double(int n) => 2 * n;

        public static async Task<Atom> Slow(Process self)
        {
            await self.Sleep(TimeSpan.FromSeconds(30));
            return new Atom("late");
        }

        public static async Task<Atom> Hello(Process self, Atom who)
        {
            await self.FormatAsync("hello ~p from ~p~n", who, new Atom(self.Node.Name));
            return new Atom("done");
        }
    }

    // Runs on the driver for one target node T, every line prefixed with Tag.
    private const string DriverCalls = """
        Calls = fun(Tag, T) ->
            {P1, R1} = spawn_monitor(T, nomod, nofun, [1]),
            receive {'DOWN', R1, process, P1, W1} -> io:format("~s spawn_monitor undef: ~p~n", [Tag, W1]) after 10000 -> io:format("~s no DOWN~n", [Tag]) end,
            io:format("~s rpc node: ~p~n", [Tag, rpc:call(T, erlang, node, []) =:= T]),
            io:format("~s rpc undef: ~p~n", [Tag, rpc:call(T, nomod, nofun, [1])]),
            io:format("~s rpc apply: ~p~n", [Tag, rpc:call(T, erlang, apply, [erlang, node, []]) =:= T]),
            io:format("~s rpc exit: ~w~n", [Tag, rpc:call(T, erlang, apply, [nomod, nofun, []])]),
            io:format("~s rpc exit/1: ~w~n", [Tag, rpc:call(T, erlang, exit, [{shutdown, why}])]),
            io:format("~s rpc io: ~p~n", [Tag, rpc:call(T, io, format, ["printed here for ~s~n", [Tag]])]),
            erpc:cast(T, io, format, ["cast printed here for ~s~n", [Tag]]),
            timer:sleep(1000), % nothing tells when a cast is done
            {rex, T} ! {self(), {call, erlang, node, [], group_leader()}},
            receive {rex, N} -> io:format("~s rex: ~p~n", [Tag, N =:= T]) after 10000 -> io:format("~s no rex~n", [Tag]) end,
            {Pid, R2} = spawn_monitor(T, io, format, ["spawned printed here for ~s~n", [Tag]]),
            receive {'DOWN', R2, process, Pid, normal} -> ok after 10000 -> io:format("~s spawn did not end~n", [Tag]) end,
            io:format("~s spawn pid on T: ~p~n", [Tag, node(Pid) =:= T])
        end,
        """;

    [Fact]
    public async Task Erl_spawns_and_calls_on_the_csharp_node_as_on_an_erl_node()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs");
        var peerName = cluster.NameOf("peer");
        await using var peer = ErlNode.Start(cluster, peerName, "io:format(\"up~n\"), receive stop -> ok end.");
        await peer.LineAsync("up");
        await using var driver = ErlNode.Start(cluster, cluster.NameOf("drv"), DriverCalls + $"""
            Calls("erl", '{peerName}'),
            Calls("cs", '{cs.Name}'),
            io:format("end~n"),
            receive stop -> ok end.
            """);
        await driver.LineAsync("end", Wait);
        var lines = driver.Seen.Where(l => !l.StartsWith("stderr:") && !l.StartsWith("=") && l != "").ToList();
        var erlLines = Tagged(lines, "erl");
        var csLines = Tagged(lines, "cs");
        Assert.Equal(12, erlLines.Count);
        Assert.Contains("T spawn_monitor undef: {undef,[{nomod,nofun,[1],[]}]}", erlLines);
        Assert.Contains("printed here for T", erlLines);
        Assert.Contains("T rpc exit/1: {badrpc,{'EXIT',{shutdown,why}}}", erlLines);
        Assert.Contains("T rpc exit: {badrpc,{'EXIT',{undef,[{nomod,nofun,[],[]},{erlang,apply,3,[]}]}}}", erlLines);
        Assert.Equal(erlLines, csLines);
    }

    // The lines about one target, with its tag (first word, or last for the printed lines) as T.
    private static List<string> Tagged(List<string> lines, string tag) =>
        [.. lines.Select(l => l.StartsWith(tag + " ") ? "T" + l[tag.Length..] : l.EndsWith(" " + tag) ? l[..^tag.Length] + "T" : null).OfType<string>()];

    [Fact]
    public async Task The_csharp_node_spawns_on_erl_and_calls_into_it()
    {
        await using var cluster = TestCluster.Start();
        var output = new StringWriter();
        var cs = await cluster.StartNodeAsync("cs", tweak: o => o with { StandardOutput = TextWriter.Synchronized(output) });
        var erlName = cluster.NameOf("erl");
        await using var erl = ErlNode.Start(cluster, erlName, "io:format(\"up~n\"), receive stop -> ok end.");
        await erl.LineAsync("up");
        var results = await cs.RunAsync(async self =>
        {
            var pid = await self.SpawnAsync(erlName, "io", "format", ErlangList.FromString("erl process ~p prints on ~p~n"),
                new ErlangList(new Atom("hi"), new Atom(cs.Name)));
            var node = await Rpc.CallAsync(self, erlName, "erlang", "node", []);
            var undef = await Rpc.CallAsync(self, erlName, "nomod", "nofun", [1]);
            var sum = await Rpc.CallAsync(self, erlName, "lists", "sum", [new ErlangList(1, 2, 3)]);
            return (pid, node, undef, sum);
        }, Wait);
        Assert.Equal(erlName, results.pid.RemoteNode?.Name);
        Assert.Equal(new Atom(erlName), results.node);
        Assert.Equal("{badrpc,{'EXIT',{undef,[{nomod,nofun,[1],[]}]}}}", Otp.Terms.Term.Format(results.undef));
        Assert.Equal(6, results.sum);
        // The erl process's group leader is the C# node's user process: its line printed here.
        Assert.Equal($"erl process hi prints on {cs.Name}\n", output.ToString());
        // erpc:cast from C#: nothing comes back; its line prints here too, when it is done.
        await cs.RunAsync(self =>
        {
            Rpc.Cast(self, erlName, "io", "format", [ErlangList.FromString("cast prints on ~p~n"), new ErlangList(new Atom(cs.Name))]);
            return Task.CompletedTask;
        }, Wait);
        for (var i = 0; i < 100 && !output.ToString().Contains("cast", StringComparison.Ordinal); i++)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Equal($"erl process hi prints on {cs.Name}\ncast prints on {cs.Name}\n", output.ToString());
    }

    [Fact]
    public async Task Two_csharp_nodes_spawn_and_call_on_each_other()
    {
        await using var cluster = TestCluster.Start();
        var output = new StringWriter();
        var a = await cluster.StartNodeAsync("a", tweak: o => o with { StandardOutput = TextWriter.Synchronized(output) });
        var b = await cluster.StartNodeAsync("b", tweak: o => o with { StandardOutput = TextWriter.Null });
        b.Modules.Register(typeof(CsDemo));
        var (doubled, hello, undef, down) = await a.RunAsync(async self =>
        {
            var d = await Rpc.CallAsync(self, b.Name, "cs_demo", "double", [21]);
            var h = await Rpc.CallAsync(self, b.Name, "cs_demo", "hello", [new Atom("joe")]);
            var u = await Rpc.CallAsync(self, b.Name, "cs_demo", "double", [1, 2]);
            Assert.Equal("{badrpc,timeout}", Otp.Terms.Term.Format(await Rpc.CallAsync(self, b.Name, "cs_demo", "slow", [], TimeSpan.FromMilliseconds(300))));
            // Linked as part of the spawn, so the exit cannot come before the link (a monitor
            // set after the spawn could see noproc instead).
            self.TrapExit = true;
            var pid = await self.SpawnLinkAsync(b.Name, "cs_demo", "nofun", []);
            var exit = (ExitSignal)(await self.Receive(m => m is ExitSignal x && x.From == pid, Wait))!;
            return (d, h, u, exit);
        }, Wait);
        Assert.Equal(42, doubled);
        Assert.Equal(new Atom("done"), hello);
        Assert.Equal("{badrpc,{'EXIT',{undef,[{cs_demo,double,[1,2],[]}]}}}", Otp.Terms.Term.Format(undef));
        Assert.Equal("{undef,[{cs_demo,nofun,[],[]}]}", Otp.Terms.Term.Format(down.Reason.Term));
        // The undef of the spawned process is an error: as erts does, b reports it to a's
        // logger_proxy (its group leader's node), which prints it after the line of hello/1.
        for (var i = 0; i < 100 && !output.ToString().Contains("{undef", StringComparison.Ordinal); i++)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        var text = output.ToString();
        Assert.StartsWith($"hello joe from {b.Name}\n=ERROR REPORT==== ", text);
        Assert.EndsWith($" ===\nError in process <{b.Name}.{down.From.Number}.0> on node {b.Name} with exit value:\n{{undef,[{{cs_demo,nofun,[],[]}}]}}\n\n", text);
    }

    [Fact]
    public async Task Rpc_to_a_node_that_is_not_there_is_badrpc_nodedown()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs");
        var r = await Rpc.CallAsync(cs, cluster.NameOf("nobody"), "erlang", "node", [], Wait);
        Assert.Equal("{badrpc,nodedown}", Otp.Terms.Term.Format(r));
    }
}
