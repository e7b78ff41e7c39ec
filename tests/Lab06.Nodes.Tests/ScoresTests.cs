namespace Lab06.Nodes.Tests;

public partial class ScoresTests
{
    [System.Text.RegularExpressions.GeneratedRegex(@"#Ref<[^>]*>(@\w+)?")]
    private static partial System.Text.RegularExpressions.Regex Tags();

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_ClientsOnTwoNodesCallTheServerByNameAndNode()
    {
        var run = await Lab.RunOnNetworkAsync(async net =>
        {
            var a = net.AddNode("a");
            var b = net.AddNode("b");
            var c = net.AddNode("c");
            var server = await b.RunAsync(self => Scores.StartAsync(self));
            net.Trace!.Label(server, "scores@b");
            var fromA = await a.RunAsync(async self =>
            {
                net.Trace.Label(self.Self, "client@a");
                return new[] { await Scores.AddAsync(self, "b@sim", "ann", 3), await Scores.AddAsync(self, "b@sim", "bob", 1) };
            });
            var fromC = await c.RunAsync(async self =>
            {
                net.Trace.Label(self.Self, "client@c");
                return new[] { await Scores.AddAsync(self, "b@sim", "ann", 4), await Scores.TotalAsync(self, "b@sim", "bob"), await Scores.TotalAsync(self, "b@sim", "cat") };
            });
            // A caller on the server's own node uses the same {Name, Node} form.
            var fromB = await b.RunAsync(self =>
            {
                net.Trace.Label(self.Self, "client@b");
                return Scores.TotalAsync(self, "b@sim", "ann");
            });
            return (fromA, fromC, fromB);
        }, seed: 1);
        var (fromA, fromC, fromB) = run.Result;
        Assert.Equal(new[] { 3, 1 }, fromA);
        Assert.Equal(new[] { 7, 1, 0 }, fromC);
        Assert.Equal(7, fromB);
        // The calls and their replies, as gen_server's own messages; how the server is started is
        // left to you. Each call's tag is shown as Tag: gen_server makes it and echoes it, and the
        // trace prints a reference with its node only when it is seen from another node.
        var calls = TraceText.Keep(run.Trace, l => l.Contains(" ! scores@b {'$gen_call',") || l.Contains("  scores@b ! client@"));
        await Verify(Tags().Replace(calls, "Tag"));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_ACallToANodeWithoutTheServerFailsWithNoproc()
    {
        var run = await Lab.RunOnNetworkAsync(async net =>
        {
            var a = net.AddNode("a");
            net.AddNode("c");
            return await a.RunAsync(async self =>
            {
                try { await Scores.AddAsync(self, "c@sim", "ann", 1); return "no failure"; }
                catch (ExitException e) { return e.Reason.ToString(); }
            });
        }, seed: 1);
        Assert.Equal("{noproc,{gen_server,call,[{scores,c@sim},{add,ann,1}]}}", run.Result);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_ACallToANodeThatCannotBeReachedFailsWithNodedown()
    {
        var run = await Lab.RunOnNetworkAsync(async net =>
        {
            var a = net.AddNode("a");
            var b = net.AddNode("b");
            await b.RunAsync(self => Scores.StartAsync(self));
            net.Partition(["a"], ["b"]);
            return await a.RunAsync(async self =>
            {
                try { await Scores.TotalAsync(self, "b@sim", "ann"); return "no failure"; }
                catch (ExitException e) { return e.Reason.ToString(); }
            });
        }, seed: 1);
        Assert.Equal("{{nodedown,b@sim},{gen_server,call,[{scores,b@sim},{total,ann}]}}", run.Result);
    }
}
