using Otp.Behaviours;

namespace Lab07.ReplicatedKv.Tests;

public partial class MapServerTests
{
    [System.Text.RegularExpressions.GeneratedRegex(@"#Ref<[^>]*>(@\w+)?")]
    private static partial System.Text.RegularExpressions.Regex Tags();

    private static readonly Atom Put = new("put"), Get = new("get");

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_TheLecturesCallsWorkFromAnotherNode()
    {
        var run = await Lab.RunOnNetworkAsync(async net =>
        {
            var a = net.AddNode("a");
            var b = net.AddNode("b");
            var c = net.AddNode("c");
            var server = await b.RunAsync(self => MapServer.StartAsync(self));
            net.Trace!.Label(server, "map@b");
            var fromA = await a.RunAsync(async self =>
            {
                net.Trace.Label(self.Self, "client@a");
                return new[]
                {
                    await MapServer.PutAsync(self, "b@sim", new Atom("a"), 5),
                    await MapServer.GetAsync(self, "b@sim", new Atom("a")),
                    await MapServer.GetAsync(self, "b@sim", new Atom("b")),
                };
            });
            // What iex does: GenServer.call({KvStore.MapServer, :"b@sim"}, {:put, {:book, 1}, "Dune"}),
            // the key a tuple and the value an Elixir string (a binary).
            var fromC = await c.RunAsync(async self =>
            {
                net.Trace.Label(self.Self, "iex@c");
                return new[]
                {
                    await GenServer.CallAsync(self, MapServer.Name, "b@sim", new ErlangTuple(Put, new ErlangTuple(new Atom("book"), 1), Binary.FromString("Dune"))),
                    await GenServer.CallAsync(self, MapServer.Name, "b@sim", new ErlangTuple(Get, new Atom("a"))),
                };
            });
            var backOnA = await a.RunAsync(self =>
            {
                net.Trace.Label(self.Self, "again@a");
                return MapServer.GetAsync(self, "b@sim", new ErlangTuple(new Atom("book"), 1));
            });
            return (fromA, fromC, backOnA);
        }, seed: 1);
        var (fromA, fromC, backOnA) = run.Result;
        Assert.Equal("ok 5 nil", string.Join(" ", fromA.Select(Otp.Terms.Term.Format)));
        Assert.Equal("ok 5", string.Join(" ", fromC.Select(Otp.Terms.Term.Format)));
        Assert.Equal(Binary.FromString("Dune"), backOnA);
        // The calls and their replies, as gen_server's own messages to and from
        // {'Elixir.KvStore.MapServer', b@sim}; how the server is written is left to you. Tags are
        // shown as Tag.
        string[] clients = ["client@a", "iex@c", "again@a"];
        var calls = TraceText.Keep(run.Trace, l => l.Contains(" ! map@b {'$gen_call',") || clients.Any(c => l.Contains($"  map@b ! {c} ")));
        await Verify(Tags().Replace(calls, "Tag"));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_TheServerIsRegisteredUnderTheElixirName()
    {
        var run = await Lab.RunOnNetworkAsync(async net =>
        {
            var b = net.AddNode("b");
            return await b.RunAsync(async self =>
            {
                var pid = await MapServer.StartAsync(self);
                return (self.Node.WhereIs("Elixir.KvStore.MapServer") == pid, self.Node.WhereIs("Elixir.KvStore.MapServer") is not null);
            });
        }, seed: 1);
        Assert.Equal((true, true), run.Result);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_ACallToANodeWithoutTheServerFailsWithNoproc()
    {
        var run = await Lab.RunOnNetworkAsync(async net =>
        {
            var a = net.AddNode("a");
            net.AddNode("c");
            return await a.RunAsync(async self =>
            {
                try { await MapServer.GetAsync(self, "c@sim", new Atom("a")); return "no failure"; }
                catch (ExitException e) { return e.Reason.ToString(); }
            });
        }, seed: 1);
        Assert.Equal("{noproc,{gen_server,call,[{'Elixir.KvStore.MapServer',c@sim},{get,a}]}}", run.Result);
    }
}
