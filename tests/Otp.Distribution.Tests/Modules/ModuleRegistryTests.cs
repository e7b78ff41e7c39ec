using Otp.Modules;

namespace Otp.Distribution.Tests.Modules;

/// <summary>C# modules called by name on a node without distribution: the registry's naming,
/// argument conversion and the exit reasons Erlang gives for calls that cannot run.</summary>
public class ModuleRegistryTests
{
    [ErlangModule("calc")]
    public static class Calc
    {
        public static int Add(int a, int b) => a + b;

        public static async Task<string> Greet(Process self, string who)
        {
            await self.Sleep(TimeSpan.FromMilliseconds(1));
            return $"hello {who}";
        }

        public static void Nothing() { }

        [ErlangFunction("Weird-Name")]
        public static Atom Renamed() => new("renamed");

        public static int TakesList(IReadOnlyList<string> words) => words.Count;
    }

    public static class PlainName
    {
        public static int StartPong() => 1;
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public void Functions_get_snake_case_names_and_an_arity_without_the_process()
    {
        using var node = Node.Start();
        Assert.Equal("calc", node.Modules.Register(typeof(Calc)));
        Assert.Equal("plain_name", node.Modules.Register(typeof(PlainName)));
        Assert.Equal(["Weird-Name/0", "add/2", "greet/1", "nothing/0", "takes_list/1"],
            node.Modules.Exports("calc").Select(f => $"{f.Name.Name}/{f.Arity}"));
        Assert.NotNull(node.Modules.Find(new Atom("plain_name"), new Atom("start_pong"), 0));
        Assert.Contains("erlang", node.Modules.Modules);
    }

    [Fact]
    public async Task Apply_converts_arguments_and_returns_what_the_function_returns()
    {
        await using var node = Node.Start();
        node.Modules.Register(typeof(Calc));
        var results = await node.RunAsync(async self => new object?[]
        {
            await node.Modules.ApplyAsync(self, "calc", "add", [2, 3]),
            await node.Modules.ApplyAsync(self, "calc", "greet", [ErlangList.FromString("joe")]),
            await node.Modules.ApplyAsync(self, "calc", "greet", [Binary.FromString("mike")]),
            await node.Modules.ApplyAsync(self, "calc", "nothing", []),
            await node.Modules.ApplyAsync(self, "calc", "takes_list", [new ErlangList(ErlangList.FromString("a"), ErlangList.FromString("b"))]),
        }, Wait);
        Assert.Equal(new object?[] { 5, "hello joe", "hello mike", new Atom("ok"), 2 }, results);
    }

    [Fact]
    public void Registering_a_second_class_under_a_taken_name_is_refused()
    {
        using var node = Node.Start();
        var e = Assert.Throws<ArgumentException>(() => node.Modules.Register(typeof(Fake)));
        Assert.Contains("'erlang' is already registered", e.Message);
    }

    [ErlangModule("erlang")]
    public static class Fake
    {
        public static int Node() => 0;
    }

    [Fact]
    public async Task A_spawned_call_of_an_unknown_function_exits_with_erlangs_undef_reason()
    {
        await using var node = Node.Start();
        node.Modules.Register(typeof(Calc));
        var reasons = await node.RunAsync(async self =>
        {
            var texts = new List<string>();
            foreach (var (m, f, args) in new (string, string, object?[])[] { ("nomod", "nofun", [1]), ("calc", "add", [1]), ("calc", "add", [1, "x"]) })
            {
                var pid = await self.SpawnAsync(node.Name, m, f, args);
                var mref = self.Monitor(pid);
                var down = (Down)(await self.Receive(x => x is Down d && d.Ref.Equals(mref), Wait))!;
                texts.Add(Otp.Terms.Term.Format(down.Reason.Term));
            }
            return texts;
        }, Wait);
        // The first line is what erl prints for spawn(N, nomod, nofun, [1]) (checked in
        // SpawnAndRpcTests against a real node); a string argument is a list in Erlang.
        Assert.Equal([
            "{undef,[{nomod,nofun,[1],[]}]}",
            "{undef,[{calc,add,[1],[]}]}",
            "{function_clause,[{calc,add,[1,\"x\"],[]}]}",
        ], reasons);
    }

    [Fact]
    public async Task Rpc_to_the_own_node_returns_what_rpc_call_returns()
    {
        await using var node = Node.Start();
        node.Modules.Register(typeof(Calc));
        var results = await node.RunAsync(async self => new[]
        {
            await Rpc.CallAsync(self, node.Name, "calc", "add", [2, 3]),
            await Rpc.CallAsync(self, node.Name, "calc", "add", [2]),
            await Rpc.CallAsync(self, node.Name, "erlang", "apply", [new Atom("calc"), new Atom("nofun"), ErlangList.Nil]),
        }.Select(Otp.Terms.Term.Format).ToList(), Wait);
        Assert.Equal(["5", "{badrpc,{'EXIT',{undef,[{calc,add,[2],[]}]}}}", "{badrpc,{'EXIT',{undef,[{calc,nofun,[],[]},{erlang,apply,3,[]}]}}}"], results);
    }

    [Fact]
    public async Task FormatAsync_without_a_group_leader_writes_to_the_nodes_standard_output()
    {
        var output = new StringWriter();
        await using var node = Node.Start(new NodeOptions { StandardOutput = TextWriter.Synchronized(output) });
        await node.RunAsync(async self =>
        {
            await self.FormatAsync("~p ~w ~s ~a ~B~n", ErlangList.FromString("hi"), ErlangList.FromString("hi"), "text", new Atom("ok"), 42);
            await node.Modules.ApplyAsync(self, "io", "format", [ErlangList.FromString("from io:format ~p~n"), new ErlangList(new ErlangTuple(new Atom("a"), 1))]);
        }, Wait);
        Assert.Equal("\"hi\" [104,105] text ok 42\nfrom io:format {a,1}\n", output.ToString());
    }
}
