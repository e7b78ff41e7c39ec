using System.Collections.Concurrent;

namespace Otp.Distribution.Tests.Nodes;

/// <summary>
/// One scenario written twice and compared line by line: an observer links to and monitors two
/// processes of an erl peer; one exits with <c>boom</c>, then the peer node is killed. The
/// observer is an erl node in one run and a C# node in the other; both must see the same lines
/// in the same order.
/// </summary>
public class NoConnectionComparisonTests
{
    private static string PeerScript(string observer) => $$"""
        Crasher = spawn(fun() -> receive die -> exit(boom) end end),
        Sleeper = spawn(fun() -> receive never -> ok end end),
        {watcher, '{{observer}}'} ! {victims, Crasher, Sleeper},
        io:format("sent~n"),
        receive stop -> ok end.
        """;

    private const string ErlObserver = """
        register(watcher, self()),
        io:format("ready~n"),
        process_flag(trap_exit, true),
        {Crasher, Sleeper} = receive {victims, C, S} -> {C, S} end,
        [begin link(V), monitor(process, V) end || V <- [Crasher, Sleeper]],
        Crasher ! die,
        Name = fun(P) when P == Crasher -> crasher; (_) -> sleeper end,
        Show = fun({'EXIT', P, R}) -> io:format("line EXIT ~p ~p~n", [Name(P), R]);
                  ({'DOWN', _, process, P, R}) -> io:format("line DOWN ~p ~p~n", [Name(P), R]) end,
        [receive M -> Show(M) end || _ <- [1, 2, 3, 4]],
        receive stop -> ok end.
        """;

    [Fact]
    public async Task Exit_reason_then_noconnection_as_erl_sees_them()
    {
        ErlNode.RequireErlang();
        var expected = await ErlObservedAsync();
        var actual = await CSharpObservedAsync();
        Assert.Equal(["EXIT crasher boom", "DOWN crasher boom", "EXIT sleeper noconnection", "DOWN sleeper noconnection"], expected);
        Assert.Equal(expected, actual);
    }

    private static async Task<IReadOnlyList<string>> ErlObservedAsync()
    {
        await using var cluster = TestCluster.Start();
        var observerName = cluster.NameOf("obs");
        await using var observer = ErlNode.Start(cluster, observerName, ErlObserver);
        // The observer must be registered before the peer sends to it.
        await observer.LineAsync("ready");
        await using var peer = ErlNode.Start(cluster, cluster.NameOf("peer"), PeerScript(observerName));
        await peer.LineAsync("sent");
        var lines = new List<string>();
        for (var i = 0; i < 2; i++) lines.Add((await observer.LineAsync(l => l.StartsWith("line ")))["line ".Length..]);
        peer.Kill();
        for (var i = 0; i < 2; i++) lines.Add((await observer.LineAsync(l => l.StartsWith("line ")))["line ".Length..]);
        return lines;
    }

    private static async Task<IReadOnlyList<string>> CSharpObservedAsync()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("obs");
        var observed = new ConcurrentQueue<string>();
        cs.Register("watcher", cs.Spawn(async self =>
        {
            self.TrapExit = true;
            var m = (ErlangTuple)await self.Receive(x => x is ErlangTuple { Length: 3 } t && t[0] is Atom { Name: "victims" });
            var (crasher, sleeper) = ((Pid)m[1]!, (Pid)m[2]!);
            foreach (var v in new[] { crasher, sleeper }) { self.Link(v); self.Monitor(v); }
            self.Send(crasher, new Atom("die"));
            string Name(object? p) => Equals(p, crasher) ? "crasher" : "sleeper";
            for (var i = 0; i < 4; i++)
            {
                var got = await self.Receive();
                observed.Enqueue(got switch
                {
                    ExitSignal e => $"EXIT {Name(e.From)} {e.Reason}",
                    Down d => $"DOWN {Name(d.Item)} {d.Reason}",
                    _ => got.ToString()!,
                });
            }
        }));
        await using var peer = ErlNode.Start(cluster, cluster.NameOf("peer"), PeerScript(cs.Name));
        await peer.LineAsync("sent");
        await Until(() => observed.Count >= 2);
        peer.Kill();
        await Until(() => observed.Count >= 4);
        return [.. observed];
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++) await Task.Delay(50, TestContext.Current.CancellationToken);
    }
}
