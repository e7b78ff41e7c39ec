namespace Otp.Distribution.Tests.Nodes;

/// <summary>A C# node beside real <c>erl</c> and <c>elixir</c> nodes.</summary>
public class ErlangInteropTests
{
    [Fact]
    public async Task Erl_pings_the_csharp_node_and_gets_pong()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs");
        await using var erl = ErlNode.Start(cluster, cluster.NameOf("erl"),
            $"io:format(\"ping ~p~n\", [net_adm:ping('{cs.Name}')]), io:format(\"nodes ~p ~p~n\", [nodes(), nodes(hidden)]), halt().");
        Assert.Equal("ping pong", await erl.LineAsync(l => l.StartsWith("ping ")));
        // Hidden by default: not in nodes(), in nodes(hidden).
        Assert.Equal($"nodes [] [{cs.Name}]", await erl.LineAsync(l => l.StartsWith("nodes ")));
    }

    [Fact]
    public async Task The_csharp_node_pings_erl()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs");
        var erlName = cluster.NameOf("erl");
        await using var erl = ErlNode.Start(cluster, erlName, "io:format(\"up~n\"), receive stop -> ok end.");
        await erl.LineAsync("up");
        Assert.True(await cs.PingAsync(erlName));
        Assert.Equal([erlName], cs.Nodes(NodeVisibility.Visible));
        Assert.Empty(cs.Nodes(NodeVisibility.Hidden));
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Messages_and_a_remote_monitor_go_both_ways_with_erl()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs");
        // C#'s inbox: answers one {hello_from_erl, From} with {hi, From}, then ends with reason bye.
        var inbox = cs.Spawn(async self =>
        {
            var m = (ErlangTuple)await self.Receive(x => x is ErlangTuple { Length: 2 } t && t[0] is Atom { Name: "hello_from_erl" });
            self.Send((Pid)m[1]!, new ErlangTuple(new Atom("hi"), m[1]));
            await self.Receive(x => x is Atom { Name: "go_away" });
            self.Exit(ExitReason.Of("bye"));
        });
        cs.Register("inbox", inbox);
        var erlName = cluster.NameOf("erl");
        await using var erl = ErlNode.Start(cluster, erlName, $$"""
            register(echo, spawn(fun Loop() -> receive {From, M} -> From ! {echo, M}, Loop() end end)),
            CS = '{{cs.Name}}',
            {inbox, CS} ! {hello_from_erl, self()},
            receive {hi, P} -> io:format("reply ~p~n", [P == self()]) after 10000 -> io:format("no reply~n") end,
            Ref = monitor(process, {inbox, CS}),
            {inbox, CS} ! go_away,
            receive {'DOWN', Ref, process, Who, Why} -> io:format("down ~p ~p~n", [Who, Why]) after 10000 -> io:format("no down~n") end,
            receive stop -> ok end.
            """);
        Assert.Equal("reply true", await erl.LineAsync(l => l.StartsWith("reply") || l.StartsWith("no ")));
        Assert.Equal($"down {{inbox,{cs.Name}}} bye", await erl.LineAsync(l => l.StartsWith("down") || l.StartsWith("no ")));
        // And C# to erl's registered echo.
        var echoed = await cs.RunAsync(async self =>
        {
            self.Send("echo", erlName, new ErlangTuple(self.Self, new Atom("hello")));
            return await self.Receive(m => m is ErlangTuple { Length: 2 } t && t[0] is Atom { Name: "echo" }, Wait);
        });
        Assert.Equal(new ErlangTuple(new Atom("echo"), new Atom("hello")), echoed);
    }

    [Fact]
    public async Task Links_and_monitors_on_erl_processes_see_their_reason_and_noconnection_when_erl_is_killed()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs");
        var observed = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var watcher = cs.Spawn(async self =>
        {
            self.TrapExit = true;
            var m = (ErlangTuple)await self.Receive(x => x is ErlangTuple { Length: 3 } t && t[0] is Atom { Name: "victims" });
            var (crasher, sleeper) = ((Pid)m[1]!, (Pid)m[2]!);
            foreach (var v in new[] { crasher, sleeper }) { self.Link(v); self.Monitor(v); }
            self.Send(crasher, new Atom("die"));
            while (true)
            {
                var got = await self.Receive();
                observed.Enqueue(got switch
                {
                    ExitSignal e => $"EXIT {(e.From == crasher ? "crasher" : "sleeper")} {e.Reason}",
                    Down d => $"DOWN {(Equals(d.Item, crasher) ? "crasher" : "sleeper")} {d.Reason}",
                    _ => got.ToString()!,
                });
            }
        });
        cs.Register("watcher", watcher);
        await using var erl = ErlNode.Start(cluster, cluster.NameOf("erl"), $$"""
            Crasher = spawn(fun() -> receive die -> exit(boom) end end),
            Sleeper = spawn(fun() -> receive never -> ok end end),
            {watcher, '{{cs.Name}}'} ! {victims, Crasher, Sleeper},
            io:format("sent~n"),
            receive stop -> ok end.
            """);
        await erl.LineAsync("sent");
        await Until(() => observed.Count >= 2);
        Assert.Equal(["EXIT crasher boom", "DOWN crasher boom"], observed.Take(2));
        erl.Kill();
        await Until(() => observed.Count >= 4);
        Assert.Equal(["EXIT sleeper noconnection", "DOWN sleeper noconnection"], observed.Skip(2));
        Assert.True(cs.IsAlive(watcher));
    }

    [Fact]
    public async Task Wrong_cookie_from_erl_is_refused_and_logged()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs", cookie: "right");
        var erlName = cluster.NameOf("erl");
        await using var erl = ErlNode.Start(cluster, erlName, $"io:format(\"ping ~p~n\", [net_adm:ping('{cs.Name}')]), halt().", cookie: "wrong");
        Assert.Equal("ping pang", await erl.LineAsync(l => l.StartsWith("ping ")));
        await Until(() => cluster.Log.Any(l => l.Contains(erlName)));
        Assert.Contains(cluster.Log, l => l.Contains($"Connection attempt from node {erlName} rejected. Invalid challenge reply"));
        Assert.Empty(cs.Nodes(NodeVisibility.Connected));
    }

    [Fact]
    public async Task Wrong_cookie_to_erl_is_pang()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs", cookie: "wrong");
        var erlName = cluster.NameOf("erl");
        await using var erl = ErlNode.Start(cluster, erlName, "io:format(\"up~n\"), receive stop -> ok end.", cookie: "right");
        await erl.LineAsync("up");
        Assert.False(await cs.PingAsync(erlName));
        // erl logs the refusal on its side, as it does for any node.
        await erl.LineAsync(l => l.Contains("Invalid challenge reply"));
    }

    [Fact]
    public async Task Elixir_pings_the_csharp_node()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs");
        await using var iex = ErlNode.StartElixir(cluster, cluster.NameOf("ex"),
            $"IO.inspect(Node.ping(:\"{cs.Name}\")); IO.inspect(Node.list(:hidden))");
        Assert.Equal(":pong", await iex.LineAsync(l => l.StartsWith(':')));
        Assert.Equal($"[:{cs.Name}]", await iex.LineAsync(l => l.StartsWith('[')));
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++) await Task.Delay(50, TestContext.Current.CancellationToken);
    }
}
