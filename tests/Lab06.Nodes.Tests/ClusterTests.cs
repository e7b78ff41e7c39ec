using System.Collections.Concurrent;

namespace Lab06.Nodes.Tests;

public class ClusterTests
{
    private readonly Func<Node, IReadOnlyList<string>, Task<IReadOnlyList<string>>> join;
    private readonly Func<Node, Pid, Pid> watch;

    /// <summary>The tests of your <see cref="Cluster"/>.</summary>
    public ClusterTests() : this(Cluster.JoinAsync, Cluster.Watch) { }

    /// <summary>The same tests on another implementation: tests/Labs.Alternatives.Tests runs them on
    /// other answers, correct ones that must pass and wrong ones that must fail.</summary>
    protected ClusterTests(Func<Node, IReadOnlyList<string>, Task<IReadOnlyList<string>>> join, Func<Node, Pid, Pid> watch) =>
        (this.join, this.watch) = (join, watch);

    private static readonly string[] s_names = ["a", "b", "c", "d"];

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_JoiningFromAHostListReachesAFullMesh()
    {
        var run = await Lab.RunOnNetworkAsync(async net =>
        {
            var nodes = s_names.Select(net.AddNode).ToList();
            var joined = await join(nodes[0], ["a@sim", "b@sim", "x@sim", "c@sim", "d@sim"]);
            await net.SettleAsync();
            var views = nodes.Select(n => $"{n.Name}: {string.Join(" ", n.Nodes())}").ToList();
            return (joined, views);
        }, seed: 1);
        var (joined, views) = run.Result;
        Assert.Equal(["b@sim", "c@sim", "d@sim"], joined);
        Assert.Equal(
            ["a@sim: b@sim c@sim d@sim", "b@sim: a@sim c@sim d@sim", "c@sim: a@sim b@sim d@sim", "d@sim: a@sim b@sim c@sim"],
            views);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_WatchersReportNodesComingAndGoing()
    {
        var run = await Lab.RunOnNetworkAsync(async net =>
        {
            var reports = new ConcurrentQueue<string>();
            var nodes = s_names.Take(3).Select(net.AddNode).ToList();
            foreach (var node in nodes)
            {
                // One collector per node, so that the reports add no connection of their own.
                var collector = node.Spawn(async self =>
                {
                    while (true) reports.Enqueue(Otp.Terms.Term.Format(await self.Receive()));
                });
                var shortName = node.Name.Split('@')[0];
                net.Trace!.Label(collector, $"report@{shortName}");
                net.Trace.Label(watch(node, collector), $"watcher@{shortName}");
            }
            await net.SettleAsync();
            var joined = await join(nodes[0], ["b@sim", "c@sim"]);
            await net.SettleAsync();
            var up = reports.ToArray();
            reports.Clear();
            nodes[1].Dispose();
            await net.SettleAsync();
            return (joined, up, down: reports.ToArray());
        }, seed: 1);
        var (joined, up, down) = run.Result;
        Assert.Equal(["b@sim", "c@sim"], joined);
        // Each node hears of each other node once; in which order the three learn it is the network's business.
        Assert.Equal(
            ["{nodeup,a@sim,b@sim}", "{nodeup,a@sim,c@sim}", "{nodeup,b@sim,a@sim}",
             "{nodeup,b@sim,c@sim}", "{nodeup,c@sim,a@sim}", "{nodeup,c@sim,b@sim}"],
            up.Order(StringComparer.Ordinal));
        Assert.Equal(["{nodedown,a@sim,b@sim}", "{nodedown,c@sim,b@sim}"], down.Order(StringComparer.Ordinal));
        // Who is told what, after the network events that caused it; reports that follow the same
        // event may come in any order.
        var reportsAndEvents = TraceText.Keep(run.Trace, l => l.Contains(" -- ") || l.Contains(" ! report@"));
        await Verify(TraceText.AnyOrder(reportsAndEvents, l => l.Contains(" ! report@")));
    }
}
