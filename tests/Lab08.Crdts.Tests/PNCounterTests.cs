using System.Text;

namespace Lab08.Crdts.Tests;

public class PNCounterTests
{
    // (replica, increment?, amount, merge from) — random updates with gossip between them.
    private static readonly Gen<(int R, bool Up, int N, int From)[]> Updates =
        Gen.Select(Gen.Int[0, 2], Gen.Bool, Gen.Int[1, 5], Gen.Int[0, 2]).Array[0, 25];

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_ThreeReplicasCountTogether()
    {
        var log = new StringBuilder();
        var a = PNCounter.Empty.Increment("a").Increment("a");
        var b = PNCounter.Empty.Decrement("b");
        log.AppendLine($"a: {a.Value}  {Text.Of(a)}");
        log.AppendLine($"b: {b.Value}  {Text.Of(b)}");
        var ab = a.Merge(b);
        log.AppendLine($"a+b: {ab.Value}  {Text.Of(ab)}");
        var c = ab.Increment("c", 5).Merge(a);
        log.AppendLine($"c after a+b, +5, a again: {c.Value}  {Text.Of(c)}");
        Assert.Equal(6, c.Value);
        await Verify(log.ToString());
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public void Task1_CountsEveryUpdateOnceWhateverTheGossip() =>
        Updates.Sample(updates =>
        {
            var replicas = new[] { PNCounter.Empty, PNCounter.Empty, PNCounter.Empty };
            long model = 0;
            foreach (var (r, up, n, from) in updates)
            {
                model += up ? n : -n;
                replicas[r] = up ? replicas[r].Increment(Text.Replicas[r].Name, n) : replicas[r].Decrement(Text.Replicas[r].Name, n);
                replicas[from] = replicas[from].Merge(replicas[r]).Merge(replicas[r]);
            }
            var all = replicas[0].Merge(replicas[1]).Merge(replicas[2]);
            Assert.Equal(model, all.Value);
        }, iter: 200, threads: 1);

    [Fact(Timeout = Lab.TestTimeout)]
    public void Task1_MergeIsCommutativeAssociativeIdempotent() =>
        Gen.Select(Updates, Updates, Updates).Sample((u1, u2, u3) =>
        {
            PNCounter Run((int R, bool Up, int N, int From)[] us, int replica) =>
                us.Aggregate(PNCounter.Empty, (c, u) => u.Up ? c.Increment(Text.Replicas[replica].Name, u.N) : c.Decrement(Text.Replicas[replica].Name, u.N));
            var (x, y, z) = (Run(u1, 0), Run(u2, 1), Run(u3, 2).Merge(Run(u1.Take(u1.Length / 2).ToArray(), 0)));
            Assert.Equal(Text.Of(x.Merge(y)), Text.Of(y.Merge(x)));
            Assert.Equal(Text.Of(x.Merge(y).Merge(z)), Text.Of(x.Merge(y.Merge(z))));
            Assert.Equal(Text.Of(x), Text.Of(x.Merge(x)));
            Assert.Equal(Text.Of(x.Merge(z)), Text.Of(z.Merge(x)));
        }, iter: 200, threads: 1);
}
