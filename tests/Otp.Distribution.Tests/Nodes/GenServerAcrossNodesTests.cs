using System.Collections.Immutable;
using Otp.Behaviours;
using Workbook.Modules;

namespace Otp.Distribution.Tests.Nodes;

/// <summary>
/// gen_server calls and casts across nodes: erl calling a C# server answers as an erl server
/// does (same driver, both targets, line for line), C# calling an erl gen_server, two C# nodes,
/// and Elixir's <c>GenServer.call</c> and <c>Node.spawn</c> against a C# node.
/// </summary>
public class GenServerAcrossNodesTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly Atom Ok = new("ok");

    /// <summary>The C# twin of Nodes/Erlang/kv.erl.</summary>
    public sealed class KvServer : GenServer<ImmutableDictionary<object, object?>>
    {
        protected override ValueTask<ImmutableDictionary<object, object?>> InitAsync() => new(ImmutableDictionary<object, object?>.Empty);

        protected override ValueTask<ServerResult<ImmutableDictionary<object, object?>>> HandleCallAsync(object request, From from, ImmutableDictionary<object, object?> state) =>
            request switch
            {
                ErlangTuple { Length: 3 } t when t[0] is Atom { Name: "put" } => Reply(Ok, state.SetItem(t[1]!, t[2])),
                ErlangTuple { Length: 2 } t when t[0] is Atom { Name: "get" } =>
                    Reply(state.TryGetValue(t[1]!, out var v) ? new ErlangTuple(Ok, v) : new Atom("error"), state),
                ErlangTuple { Length: 3 } t when t[0] is Atom { Name: "late" } && t[1] is int ms => Later(ms, from, t[2]!, state),
                _ => throw new ArgumentException($"unexpected call {request}"),
            };

        private ValueTask<ServerResult<ImmutableDictionary<object, object?>>> Later(int ms, From from, object reply, ImmutableDictionary<object, object?> state)
        {
            Self.SendAfter(TimeSpan.FromMilliseconds(ms), Self.Self, new ReplyLater(from, reply));
            return NoReply(state);
        }

        protected override ValueTask<ServerResult<ImmutableDictionary<object, object?>>> HandleInfoAsync(object message, ImmutableDictionary<object, object?> state)
        {
            if (message is ReplyLater later) ReplyTo(later.From, later.Reply);
            return NoReply(state);
        }

        private sealed record ReplyLater(From From, object Reply);

        protected override ValueTask<ServerResult<ImmutableDictionary<object, object?>>> HandleCastAsync(object request, ImmutableDictionary<object, object?> state) =>
            request is ErlangTuple { Length: 2 } t && t[0] is Atom { Name: "delete" } ? NoReply(state.Remove(t[1]!)) : NoReply(state);
    }

    private static string KvSource => Path.Combine(AppContext.BaseDirectory, "Nodes", "Erlang", "kv.erl");

    private const string DriverCalls = """
        Calls = fun(Tag, T) ->
            io:format("~s put: ~w~n", [Tag, gen_server:call({kv, T}, {put, a, 1})]),
            io:format("~s get: ~w~n", [Tag, gen_server:call({kv, T}, {get, a})]),
            gen_server:cast({kv, T}, {delete, a}),
            io:format("~s get after delete: ~w~n", [Tag, gen_server:call({kv, T}, {get, a})]),
            Ref = make_ref(),
            {kv, T} ! {'$gen_call', {self(), Ref}, {get, nothing}},
            receive {Ref, R} -> io:format("~s plain ref tag: ~w~n", [Tag, R]) after 5000 -> io:format("~s no reply to a plain tag~n", [Tag]) end,
            % A reply after the caller's timeout: OTP 24+ replies to the caller's alias, which the
            % timeout deactivated, so the late reply never reaches the mailbox.
            io:format("~s late: ~w~n", [Tag, element(1, catch gen_server:call({kv, T}, {late, 300, r}, 50))]),
            timer:sleep(600),
            io:format("~s mailbox after the late reply: ~w~n", [Tag, receive Late -> Late after 0 -> empty end]),
            case catch gen_server:call({nobody, T}, x) of
                {'EXIT', {Why, {gen_server, call, [{nobody, T}, x]}}} -> io:format("~s no server: ~w~n", [Tag, Why]);
                Other -> io:format("~s no server: unexpected ~w~n", [Tag, Other])
            end
        end,
        """;

    [Fact]
    public async Task Erl_calls_a_csharp_gen_server_as_it_calls_an_erl_one()
    {
        await using var cluster = TestCluster.Start();
        var code = await ErlNode.CompileAsync(KvSource);
        var cs = await cluster.StartNodeAsync("cs");
        await GenServer.StartAsync(cs, new KvServer(), "kv");
        var peerName = cluster.NameOf("peer");
        await using var peer = ErlNode.Start(cluster, peerName, "{ok, _} = gen_server:start({local, kv}, kv, [], []), io:format(\"up~n\"), receive stop -> ok end.", codePath: code);
        await peer.LineAsync("up");
        await using var driver = ErlNode.Start(cluster, cluster.NameOf("drv"), DriverCalls + $"""
            Calls("erl", '{peerName}'),
            Calls("cs", '{cs.Name}'),
            io:format("end~n"),
            receive stop -> ok end.
            """);
        await driver.LineAsync("end", Wait);
        var erlLines = driver.Seen.Where(l => l.StartsWith("erl ")).Select(l => l[4..]).ToList();
        var csLines = driver.Seen.Where(l => l.StartsWith("cs ")).Select(l => l[3..]).ToList();
        Assert.Equal(["put: ok", "get: {ok,1}", "get after delete: error", "plain ref tag: error", "late: 'EXIT'", "mailbox after the late reply: empty", "no server: noproc"], erlLines);
        Assert.Equal(erlLines, csLines);
    }

    [Fact]
    public async Task The_csharp_node_calls_and_casts_to_an_erl_gen_server()
    {
        await using var cluster = TestCluster.Start();
        var code = await ErlNode.CompileAsync(KvSource);
        var cs = await cluster.StartNodeAsync("cs");
        var erlName = cluster.NameOf("erl");
        await using var erl = ErlNode.Start(cluster, erlName, "{ok, _} = gen_server:start({local, kv}, kv, [], []), io:format(\"up~n\"), receive stop -> ok end.", codePath: code);
        await erl.LineAsync("up");
        var results = await cs.RunAsync(async self =>
        {
            var put = await GenServer.CallAsync(self, "kv", erlName, new ErlangTuple(new Atom("put"), new Atom("b"), 2));
            var get = await GenServer.CallAsync(self, "kv", erlName, new ErlangTuple(new Atom("get"), new Atom("b")));
            GenServer.Cast(self, "kv", erlName, new ErlangTuple(new Atom("delete"), new Atom("b")));
            var gone = await GenServer.CallAsync(self, "kv", erlName, new ErlangTuple(new Atom("get"), new Atom("b")));
            var auth = await GenServer.CallAsync(self, "net_kernel", erlName, new ErlangTuple(new Atom("is_auth"), new Atom(cs.Name)));
            var noServer = await Assert.ThrowsAsync<ExitException>(async () => await GenServer.CallAsync(self, "nobody", erlName, new Atom("x")));
            return (put, get, gone, auth, noServer.Reason);
        }, Wait);
        Assert.Equal(Ok, results.put);
        Assert.Equal(new ErlangTuple(Ok, 2), results.get);
        Assert.Equal(new Atom("error"), results.gone);
        Assert.Equal(new Atom("yes"), results.auth);
        // The shape erl gives for gen_server:call({nobody, Node}, x).
        Assert.Equal($"{{noproc,{{gen_server,call,[{{nobody,{erlName}}},x]}}}}", Otp.Terms.Term.Format(results.Reason.Term));
    }

    [Fact]
    public async Task Two_csharp_nodes_call_a_server_by_name_and_by_pid()
    {
        await using var cluster = TestCluster.Start();
        var a = await cluster.StartNodeAsync("a");
        var b = await cluster.StartNodeAsync("b");
        var server = await GenServer.StartAsync(b, new KvServer(), "kv");
        var (put, get, byPid, gone, down) = await a.RunAsync(async self =>
        {
            var p = await GenServer.CallAsync(self, "kv", b.Name, new ErlangTuple(new Atom("put"), 1, "one"));
            var g = await GenServer.CallAsync(self, "kv", b.Name, new ErlangTuple(new Atom("get"), 1));
            // A pid of b, as b's server knows it, reached from a.
            var remote = Pid.Remote(new Atom(b.Name), (uint)server.Number, 0, b.Creation);
            var viaPid = await GenServer.CallAsync(self, remote, new ErlangTuple(new Atom("get"), 1));
            GenServer.Cast(self, remote, new ErlangTuple(new Atom("delete"), 1));
            var after = await GenServer.CallAsync(self, "kv", b.Name, new ErlangTuple(new Atom("get"), 1));
            var stopped = await Assert.ThrowsAsync<ExitException>(async () => await GenServer.CallAsync(self, "kv", cluster.NameOf("nobody"), new Atom("x")));
            return (p, g, viaPid, after, stopped.Reason);
        }, Wait);
        Assert.Equal(Ok, put);
        Assert.Equal(new ErlangTuple(Ok, ErlangList.FromString("one")), get);
        Assert.Equal(get, byPid);
        Assert.Equal(new Atom("error"), gone);
        Assert.Equal($"{{{{nodedown,{cluster.NameOf("nobody")}}},{{gen_server,call,[{{kv,{cluster.NameOf("nobody")}}},x]}}}}", Otp.Terms.Term.Format(down.Term));
    }

    [Fact]
    public async Task Elixir_calls_a_csharp_gen_server_and_spawns_tut17_ping_on_the_csharp_node()
    {
        await using var cluster = TestCluster.Start();
        var output = new StringWriter();
        var cs = await cluster.StartNodeAsync("cs", tweak: o => o with { StandardOutput = TextWriter.Synchronized(output) });
        cs.Modules.Register(typeof(Tut17));
        await GenServer.StartAsync(cs, new KvServer(), "kv");
        await cs.RunAsync(self => Task.FromResult(Tut17.StartPong(self)));
        await using var iex = ErlNode.StartElixir(cluster, cluster.NameOf("ex"), $$"""
            cs = :"{{cs.Name}}"
            IO.inspect GenServer.call({:kv, cs}, {:put, :a, 1})
            IO.inspect GenServer.call({:kv, cs}, {:get, :a})
            pid = Node.spawn(cs, :tut17, :ping, [3, cs])
            IO.inspect node(pid) == cs
            ref = Process.monitor(pid)
            receive do
              {:DOWN, ^ref, _, _, _} -> IO.puts "end"
            after
              20000 -> IO.puts "ping did not end"
            end
            """);
        await iex.LineAsync(l => l is "end" or "ping did not end", Wait);
        var lines = iex.Seen.Where(l => !l.StartsWith("stderr:")).ToList();
        // The ping ran on the C# node but printed through iex's group leader; the pong printed here.
        // (The ping's lines and iex's own "true" come from two processes, in either order.)
        Assert.Contains("true", lines);
        Assert.Equal([":ok", "{:ok, 1}", "Ping received pong", "Ping received pong", "Ping received pong", "ping finished", "end"], lines.Where(l => l != "true"));
        Assert.Equal("Pong received ping\nPong received ping\nPong received ping\nPong finished\n", output.ToString());
    }
}
