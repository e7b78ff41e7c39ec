using System.Text;

namespace Lab08.Crdts.Tests;

public class MultiValueRegisterTests
{
    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_ConcurrentWritesAreKeptUntilALaterWrite()
    {
        var log = new StringBuilder();
        var a = MultiValueRegister.Empty.Set("a", "red");
        var b = MultiValueRegister.Empty.Set("b", "blue");
        var both = a.Merge(b);
        var later = both.Set("c", "green");
        foreach (var (name, r) in new[] { ("a", a), ("b", b), ("a+b", both), ("c writes", later), ("merged again", later.Merge(a).Merge(b)) })
            log.AppendLine($"{name,-13} {Text.List(r.Values),-11} {Text.Of(r)}");
        Assert.Equal(["blue", "red"], both.Values);
        Assert.Equal(["green"], later.Merge(a).Merge(b).Values);
        await Verify(log.ToString());
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public void Task3_KeepsExactlyTheConcurrentWrites() =>
        Gen.Select(Gen.Int[0, 2].Array[0, 6], Gen.Bool.Array[3]).Sample((history, writes) =>
        {
            // A shared history, then each replica chosen by `writes` writes concurrently.
            var shared = history.Aggregate(MultiValueRegister.Empty, (r, i) => r.Set(Text.Replicas[i], "old" + i));
            var writers = Enumerable.Range(0, 3).Where(i => writes[i]).ToList();
            var merged = writers.Select(i => shared.Set(Text.Replicas[i], "v" + i)).Aggregate(shared, (x, y) => x.Merge(y));
            var expected = writers.Count == 0 ? shared.Values.ToList() : writers.Select(i => "v" + i).ToList();
            Assert.Equal(expected, merged.Values.ToList());
            Assert.Equal(Text.Of(merged), Text.Of(merged.Merge(shared)));
        }, iter: 200, threads: 1);
}
