using Workbook.Modules;

namespace Otp.Distribution.Tests.Nodes;

/// <summary>
/// tut17 in every mix of C# and erl nodes, each compared line by line with what tut17 prints
/// between two erl nodes: per node, the ping lines in order and the pong lines in order (the
/// last two lines, "ping finished" and "Pong finished", come from two processes and may print in
/// either order, on erl as here).
/// </summary>
public class Tut17Tests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const string PingLines = "Ping received pong\nPing received pong\nPing received pong\nping finished";
    private const string PongLines = "Pong received ping\nPong received ping\nPong received ping\nPong finished";

    private static string Tut17Source => Path.Combine(AppContext.BaseDirectory, "Erlang", "tut17.erl");

    /// <summary>The lines of one node: (ping lines, pong lines), each in the order printed.</summary>
    private static (string Ping, string Pong) Split(IEnumerable<string> lines)
    {
        var all = lines.ToList();
        return (string.Join("\n", all.Where(l => l.StartsWith("Ping ") || l.StartsWith("ping "))), string.Join("\n", all.Where(l => l.StartsWith("Pong "))));
    }

    private static async Task<string[]> LinesOf(StringWriter output, string last)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!output.ToString().Contains(last) && DateTime.UtcNow < deadline) await Task.Delay(50);
        await Task.Delay(200); // the other process's last line, if it comes, comes now
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<Node> CsNode(TestCluster cluster, string prefix, StringWriter output)
    {
        var node = await cluster.StartNodeAsync(prefix, tweak: o => o with { StandardOutput = TextWriter.Synchronized(output) });
        node.Modules.Register(typeof(Tut17));
        return node;
    }

    [Fact]
    public async Task Erl_and_erl_print_the_tutorials_lines()
    {
        // The reference every mix is compared with; this test also checks the Erlang side.
        await using var cluster = TestCluster.Start();
        var code = await ErlNode.CompileAsync(Tut17Source);
        var pongName = cluster.NameOf("pong");
        await using var pong = ErlNode.Start(cluster, pongName, "tut17:start_pong(), io:format(\"ready~n\"), receive stop -> ok end.", codePath: code);
        await pong.LineAsync("ready");
        await using var ping = ErlNode.Start(cluster, cluster.NameOf("ping"), $"tut17:start_ping('{pongName}'), receive stop -> ok end.", codePath: code);
        await ping.LineAsync("ping finished", Wait);
        await pong.LineAsync("Pong finished", Wait);
        Assert.Equal((PingLines, ""), Split(ping.Seen));
        Assert.Equal(("", PongLines), Split(pong.Seen));
    }

    [Fact]
    public async Task CSharp_ping_with_erl_pong()
    {
        await using var cluster = TestCluster.Start();
        var code = await ErlNode.CompileAsync(Tut17Source);
        var pongName = cluster.NameOf("pong");
        await using var pong = ErlNode.Start(cluster, pongName, "tut17:start_pong(), io:format(\"ready~n\"), receive stop -> ok end.", codePath: code);
        await pong.LineAsync("ready");
        var output = new StringWriter();
        var cs = await CsNode(cluster, "ping", output);
        await cs.RunAsync(self => Task.FromResult(Tut17.StartPing(self, new Atom(pongName))));
        var csLines = await LinesOf(output, "ping finished");
        await pong.LineAsync("Pong finished", Wait);
        Assert.Equal((PingLines, ""), Split(csLines));
        Assert.Equal(("", PongLines), Split(pong.Seen));
    }

    [Fact]
    public async Task Erl_ping_with_csharp_pong()
    {
        await using var cluster = TestCluster.Start();
        var code = await ErlNode.CompileAsync(Tut17Source);
        var output = new StringWriter();
        var cs = await CsNode(cluster, "pong", output);
        await cs.RunAsync(self => Task.FromResult(Tut17.StartPong(self)));
        await using var ping = ErlNode.Start(cluster, cluster.NameOf("ping"), $"tut17:start_ping('{cs.Name}'), receive stop -> ok end.", codePath: code);
        await ping.LineAsync("ping finished", Wait);
        var csLines = await LinesOf(output, "Pong finished");
        Assert.Equal((PingLines, ""), Split(ping.Seen));
        Assert.Equal(("", PongLines), Split(csLines));
    }

    [Fact]
    public async Task Erl_spawns_the_csharp_ping_on_the_csharp_node_and_its_lines_print_on_erl()
    {
        await using var cluster = TestCluster.Start();
        var code = await ErlNode.CompileAsync(Tut17Source);
        var output = new StringWriter();
        var cs = await CsNode(cluster, "ping", output);
        // The erl reference for this mix: the same spawn onto an erl peer, then onto the C# node.
        var peerName = cluster.NameOf("peer");
        await using var peer = ErlNode.Start(cluster, peerName, "io:format(\"up~n\"), receive stop -> ok end.", codePath: code);
        await peer.LineAsync("up");
        await using var erl = ErlNode.Start(cluster, cluster.NameOf("erl"), $$"""
            Run = fun(Target) ->
                tut17:start_pong(),
                RPong = monitor(process, whereis(pong)),
                {P, RPing} = spawn_monitor(Target, tut17, ping, [3, node()]),
                receive {'DOWN', RPong, _, _, _} -> ok after 20000 -> io:format("pong hangs~n") end,
                receive {'DOWN', RPing, _, _, _} -> ok after 20000 -> io:format("ping hangs~n") end,
                io:format("done on ~p~n", [node(P)])
            end,
            Run('{{peerName}}'),
            Run('{{cs.Name}}'),
            receive stop -> ok end.
            """, codePath: code);
        await erl.LineAsync($"done on {cs.Name}", Wait);
        var reference = erl.Seen.TakeWhile(l => !l.StartsWith("done on")).ToList();
        var mix = erl.Seen.SkipWhile(l => !l.StartsWith("done on")).Skip(1).TakeWhile(l => !l.StartsWith("done on")).ToList();
        Assert.Equal($"done on {peerName}", erl.Seen.First(l => l.StartsWith("done on")));
        Assert.Equal((PingLines, PongLines), Split(reference));
        // Every line of the C# ping printed on erl, through its group leader; none on the C# node.
        Assert.Equal(Split(reference), Split(mix));
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task Two_csharp_nodes()
    {
        await using var cluster = TestCluster.Start();
        var pongOut = new StringWriter();
        var pingOut = new StringWriter();
        var pong = await CsNode(cluster, "pong", pongOut);
        var ping = await CsNode(cluster, "ping", pingOut);
        await pong.RunAsync(self => Task.FromResult(Tut17.StartPong(self)));
        await ping.RunAsync(self => Task.FromResult(Tut17.StartPing(self, new Atom(pong.Name))));
        Assert.Equal((PingLines, ""), Split(await LinesOf(pingOut, "ping finished")));
        Assert.Equal(("", PongLines), Split(await LinesOf(pongOut, "Pong finished")));
    }
}
