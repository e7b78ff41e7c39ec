using System.Text;
using Otp.Distribution.Simulation;

namespace Lab07.ReplicatedKv.Tests;

public class ReplicationTests
{
    private readonly IReplicaServer replicas;

    /// <summary>The tests of your <see cref="ConvergingReplica"/>.</summary>
    public ReplicationTests() : this(new ConvergingReplica()) { }

    /// <summary>The same tests on another implementation: tests/Labs.Alternatives.Tests runs them on
    /// other answers, correct ones that must pass and wrong ones that must fail.</summary>
    protected ReplicationTests(IReplicaServer replicas) => this.replicas = replicas;

    private static readonly string[] s_nodes = ["a@sim", "b@sim", "c@sim"];

    // Long enough for several anti-entropy rounds at any interval up to a second or two.
    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(10);

    // The scenario of the chapter: a write everywhere; a partition a | b c with writes on both
    // sides, each under its own key, and one key overwritten on one side; the heal; time passes.
    // Every write was acknowledged, so every replica must end with every one of them.
    private static async Task<string> PartitionScenario(SimulatedNetwork net, IReplicaServer kind)
    {
        var nodes = s_nodes.Select(n => net.AddNode(n.Split('@')[0])).ToArray();
        foreach (var node in nodes) await node.RunAsync(self => kind.StartAsync(self, s_nodes));
        var (a, b, c) = (nodes[0], nodes[1], nodes[2]);
        await a.RunAsync(self => kind.SetAsync(self, "a@sim", "title", "Dune"));
        await net.RunForAsync(s_settle);
        net.Partition(["a"], ["b", "c"]);
        await a.RunAsync(self => kind.SetAsync(self, "a@sim", "from-a", "left"));
        await a.RunAsync(self => kind.SetAsync(self, "a@sim", "title", "Dune Messiah"));
        await b.RunAsync(self => kind.SetAsync(self, "b@sim", "from-b", "right"));
        await c.RunAsync(self => kind.SetAsync(self, "c@sim", "from-c", "right too"));
        await net.RunForAsync(s_settle);
        var during = await ReadAll(nodes, kind);
        net.Heal();
        await net.RunForAsync(s_settle);
        var after = await ReadAll(nodes, kind);
        return $"{kind.GetType().Name}\nduring the partition:\n{during}after the heal:\n{after}";
    }

    private static async Task<string> ReadAll(Node[] nodes, IReplicaServer kind)
    {
        var text = new StringBuilder();
        foreach (var node in nodes)
        {
            var all = await node.RunAsync(self => kind.ReadAllAsync(self, node.Name));
            text.AppendLine($"  {node.Name}: {string.Join(", ", all.Select(kv => $"{kv.Key}={kv.Value}"))}");
        }
        return text.ToString();
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_NaiveReplicasDivergeWhereYoursConverge()
    {
        var naive = await Lab.RunOnNetworkAsync(net => PartitionScenario(net, new NaiveReplica()), seed: 1);
        var yours = await Lab.RunOnNetworkAsync(net => PartitionScenario(net, replicas), seed: 1);
        // The naive replicas keep what reached them and no more: a lost write for good. Yours must
        // all hold every acknowledged write (the overwrite on a's side included, as it had seen the
        // first title), and so agree. What each replica shows during the partition is its own
        // side's writes: every write is acknowledged by the replica it was made at.
        await Verify(naive.Result + "\n" + yours.Result.Replace(replicas.GetType().Name, "yours"));
    }

    // Two concurrent writes to one key, one on each side. Which one wins is your conflict rule's
    // choice; that every replica chooses the same one, whatever order the states arrive in, is
    // not. Checked on several interleavings (seeds), with the writes in both orders, on three
    // replicas and on two (where a replica that prefers whatever it received last swaps values
    // with the other one round after round).
    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_ConcurrentWritesToOneKeySettleOnOneValueEverywhere()
    {
        foreach (var count in new[] { 3, 2 })
        foreach (var leftFirst in new[] { true, false })
            for (var seed = 0; seed < 4; seed++)
            {
                var run = await Lab.RunOnNetworkAsync(async net =>
                {
                    var names = s_nodes[..count];
                    var nodes = names.Select(n => net.AddNode(n.Split('@')[0])).ToArray();
                    foreach (var node in nodes) await node.RunAsync(self => replicas.StartAsync(self, names));
                    net.Partition(["a"], [.. names[1..].Select(n => n.Split('@')[0])]);
                    var writes = new (Node Node, string Value)[] { (nodes[0], "left"), (nodes[1], "right") };
                    foreach (var (node, value) in leftFirst ? writes : writes.Reverse())
                        await node.RunAsync(self => replicas.SetAsync(self, node.Name, "colour", value));
                    await net.RunForAsync(s_settle);
                    net.Heal();
                    await net.RunForAsync(s_settle);
                    async Task<string> Read(Node node) =>
                        (await node.RunAsync(self => replicas.ReadAllAsync(self, node.Name))).GetValueOrDefault("colour", "(none)");
                    var reads = new List<string>();
                    foreach (var node in nodes) reads.Add(await Read(node));
                    // And it stays that way: a few more rounds of anti-entropy change nothing.
                    await net.RunForAsync(TimeSpan.FromSeconds(3.5));
                    foreach (var node in nodes) reads.Add(await Read(node));
                    return reads;
                }, seed: seed);
                var reads = run.Result;
                Assert.True(reads.Distinct().Count() == 1 && reads[0] is "left" or "right",
                    $"{count} replicas, seed {seed}, {(leftFirst ? "left" : "right")} written first: the replicas read colour as " +
                    $"{string.Join(", ", reads[..count])} (a, b{(count == 3 ? ", c" : "")}), and 3.5 s later as {string.Join(", ", reads[count..])}; " +
                    "every replica must hold the same one of left and right, and keep it");
            }
    }
}
