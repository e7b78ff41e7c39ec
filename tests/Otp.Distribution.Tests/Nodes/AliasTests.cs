namespace Otp.Distribution.Tests.Nodes;

/// <summary>
/// Aliases across nodes (OTP 24's <c>alias/0</c>, ALIAS_SEND): one erl driver runs the same
/// steps against an erl peer and against the C# node, and the lines it prints about each must be
/// the same. The peer sends to an alias the driver made (and, after <c>unalias/1</c>, that send
/// is dropped), and the driver sends to an alias the peer made (dropped after the peer unaliases).
/// </summary>
public class AliasTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // The peer's processes: fwd sends what it is told to an alias or a pid; mk starts a process
    // that makes an alias, reports {alias, Self, Alias}, and reports every message it gets.
    private const string ErlPeer = """
        register(fwd, spawn(fun Fwd() ->
            receive {send_to, To, M} -> To ! M; {send_to_pid, P, M} -> P ! M end, Fwd() end)),
        Aliaser = fun(Caller) ->
            A = alias(), Caller ! {alias, self(), A},
            (fun Loop() -> receive unalias -> unalias(A), Caller ! unaliased, Loop(); Msg -> Caller ! {got, Msg}, Loop() end end)()
        end,
        register(mk, spawn(fun Mk() -> receive {make, C} -> spawn(fun() -> Aliaser(C) end), Mk() end end)),
        io:format("up~n"), receive stop -> ok end.
        """;

    // Runs on the driver for one target node T, every line prefixed with Tag.
    private const string DriverSteps = """
        Next = fun() -> receive X -> X after 5000 -> timeout end end,
        Steps = fun(Tag, T) ->
            A = alias(),
            {fwd, T} ! {send_to, A, hello},
            io:format("~s sent by the peer to my alias: ~p~n", [Tag, Next()]),
            true = unalias(A),
            {fwd, T} ! {send_to, A, dropped},
            {fwd, T} ! {send_to_pid, self(), marker},
            io:format("~s after unalias: ~p~n", [Tag, Next()]),
            {mk, T} ! {make, self()},
            {alias, P, B} = Next(),
            io:format("~s the peer's alias is a reference of the peer: ~p~n", [Tag, is_reference(B) andalso node(B) =:= T]),
            B ! one,
            io:format("~s sent to the peer's alias: ~p~n", [Tag, Next()]),
            erlang:send(B, two),
            io:format("~s erlang:send to the peer's alias: ~p~n", [Tag, Next()]),
            P ! unalias,
            io:format("~s ~p~n", [Tag, Next()]),
            B ! three,
            P ! four,
            io:format("~s after the peer's unalias: ~p~n", [Tag, Next()]),
            io:format("~s then: ~p~n", [Tag, Next()])
        end,
        """;

    [Fact]
    public async Task Sends_to_aliases_across_nodes_as_between_erl_nodes()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs");
        StartPeerProcesses(cs);
        var peerName = cluster.NameOf("peer");
        await using var peer = ErlNode.Start(cluster, peerName, ErlPeer);
        await peer.LineAsync("up");
        await using var driver = ErlNode.Start(cluster, cluster.NameOf("drv"), DriverSteps + $"""
            Steps("erl", '{peerName}'),
            Steps("cs", '{cs.Name}'),
            io:format("end~n"),
            receive stop -> ok end.
            """);
        await driver.LineAsync("end", Wait);
        var lines = driver.Seen.Where(l => !l.StartsWith("stderr:") && l != "end").ToList();
        var erlLines = Tagged(lines, "erl");
        var csLines = Tagged(lines, "cs");
        // What erl does, so that the comparison compares something.
        Assert.Equal(
        [
            "sent by the peer to my alias: hello",
            "after unalias: marker",
            "the peer's alias is a reference of the peer: true",
            "sent to the peer's alias: {got,one}",
            "erlang:send to the peer's alias: {got,two}",
            "unaliased",
            "after the peer's unalias: {got,four}",
            "then: timeout",
        ], erlLines);
        Assert.Equal(erlLines, csLines);
    }

    [Fact]
    public async Task Two_csharp_nodes_send_to_each_others_aliases()
    {
        await using var cluster = TestCluster.Start();
        var a = await cluster.StartNodeAsync("a");
        var b = await cluster.StartNodeAsync("b");
        StartPeerProcesses(b);
        var got = await a.RunAsync(async self =>
        {
            var mine = self.Alias();
            self.Send("fwd", b.Name, new ErlangTuple(new Atom("send_to"), mine, new Atom("hello")));
            var first = await self.Receive(_ => true, Wait);
            self.Unalias(mine);
            self.Send("fwd", b.Name, new ErlangTuple(new Atom("send_to"), mine, new Atom("dropped")));
            self.Send("fwd", b.Name, new ErlangTuple(new Atom("send_to_pid"), self.Self, new Atom("marker")));
            var second = await self.Receive(_ => true, Wait);
            return $"{first} {second}";
        }, Wait);
        Assert.Equal("hello marker", got);
    }

    [Fact]
    public async Task Unalias_tells_whether_the_alias_was_active()
    {
        using var node = Node.Start();
        var (first, again, other) = await node.RunAsync(async self =>
        {
            var a = self.Alias();
            self.Send(a, "kept");
            var r = (self.Unalias(a), self.Unalias(a), self.Unalias(self.MakeRef()));
            self.Send(a, "dropped");
            self.Send(self.Self, "last");
            Assert.Equal("kept", await self.Receive());
            Assert.Equal("last", await self.Receive());
            return r;
        });
        Assert.True(first);
        Assert.False(again);
        Assert.False(other);
    }

    // The C# twin of ErlPeer's fwd and mk.
    private static void StartPeerProcesses(Node node)
    {
        node.Register("fwd", node.Spawn(async self =>
        {
            while (true)
            {
                switch (await self.Receive())
                {
                    case ErlangTuple { Length: 3 } t when t[0] is Atom { Name: "send_to" } && t[1] is Ref to:
                        self.Send(to, t[2]!);
                        break;
                    case ErlangTuple { Length: 3 } t when t[0] is Atom { Name: "send_to_pid" } && t[1] is Pid p:
                        self.Send(p, t[2]!);
                        break;
                }
            }
        }));
        node.Register("mk", node.Spawn(async self =>
        {
            while (true)
            {
                if (await self.Receive() is not ErlangTuple { Length: 2 } t || t[0] is not Atom { Name: "make" } || t[1] is not Pid caller) continue;
                self.Spawn(async aliaser =>
                {
                    var alias = aliaser.Alias();
                    aliaser.Send(caller, new ErlangTuple(new Atom("alias"), aliaser.Self, alias));
                    while (true)
                    {
                        var m = await aliaser.Receive();
                        if (m is Atom { Name: "unalias" })
                        {
                            aliaser.Unalias(alias);
                            aliaser.Send(caller, new Atom("unaliased"));
                        }
                        else aliaser.Send(caller, new ErlangTuple(new Atom("got"), m));
                    }
                });
            }
        }));
    }

    // The lines about one target, without their tag.
    private static List<string> Tagged(List<string> lines, string tag) =>
        [.. lines.Where(l => l.StartsWith(tag + " ", StringComparison.Ordinal)).Select(l => l[(tag.Length + 1)..])];
}
