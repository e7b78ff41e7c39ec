using System.Text;

namespace Lab08.Crdts.Tests;

public class AddWinsSetTests
{
    // (replica, add?, element) — a random script.
    private static readonly Gen<(int R, bool Add, int E)[]> Script =
        Gen.Select(Gen.Int[0, 2], Gen.Bool, Gen.Int[0, 2]).Array[0, 15];

    private static AddWinsSet Play(AddWinsSet s, (int R, bool Add, int E)[] script) =>
        script.Aggregate(s, (acc, o) => o.Add ? acc.Add(Text.Replicas[o.R], Text.Elements[o.E]) : acc.Remove(Text.Elements[o.E]));

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_TheDotsAfterEachOperation()
    {
        var log = new StringBuilder();
        var s = AddWinsSet.Empty;
        void Step(string what, AddWinsSet next) { s = next; log.AppendLine($"{what,-12} {Text.List(s.Elements),-16} {Text.Of(s)}"); }
        Step("add foo", s.Add("a", "foo"));
        Step("add bar", s.Add("a", "bar"));
        Step("add foo", s.Add("a", "foo"));
        Step("add baz", s.Add("a", "baz"));
        Step("remove baz", s.Remove("baz"));
        Assert.Equal(["bar", "foo"], s.Elements);
        // No tombstone: baz is gone from the entries; the context alone remembers a:4.
        Assert.False(s.Entries.ContainsKey("baz"));
        await Verify(log.ToString());
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public void Task2_AddWinsOverAConcurrentRemove() =>
        Gen.Select(Script, Gen.Int[0, 2], Gen.Int[1, 2]).Sample((script, e, d) =>
        {
            var shared = Play(AddWinsSet.Empty, script);
            var el = Text.Elements[e];
            var added = shared.Add(Text.Replicas[d], el);
            var removed = shared.Remove(el);
            Assert.Contains(el, added.Merge(removed).Elements);
            Assert.Contains(el, removed.Merge(added).Elements);
            // A remove that has seen the add does remove it.
            Assert.DoesNotContain(el, added.Merge(removed).Remove(el).Merge(added).Elements);
        }, iter: 200, threads: 1);

    [Fact(Timeout = Lab.TestTimeout)]
    public void Task2_BehavesAsASetOnOneReplica() =>
        Script.Sample(script =>
        {
            var model = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var (_, add, e) in script) { if (add) model.Add(Text.Elements[e]); else model.Remove(Text.Elements[e]); }
            Assert.Equal(model, Play(AddWinsSet.Empty, script).Elements);
        }, iter: 200, threads: 1);

    [Fact(Timeout = Lab.TestTimeout)]
    public void Task2_MergeIsCommutativeAssociativeIdempotent() =>
        Gen.Select(Script, Script, Script).Sample((s0, s1, s2) =>
        {
            // Three replicas from one shared start: a replica id names one sequential actor.
            var start = Play(AddWinsSet.Empty, s0.Select(o => (0, o.Add, o.E)).ToArray());
            var x = Play(start, s1.Select(o => (1, o.Add, o.E)).ToArray());
            var y = Play(start, s2.Select(o => (2, o.Add, o.E)).ToArray());
            var z = Play(x.Merge(y), s0.Select(o => (0, !o.Add, o.E)).ToArray());
            Assert.Equal(Text.Of(x.Merge(y)), Text.Of(y.Merge(x)));
            Assert.Equal(Text.Of(x.Merge(y).Merge(z)), Text.Of(x.Merge(y.Merge(z))));
            Assert.Equal(Text.Of(x), Text.Of(x.Merge(x)));
            Assert.Equal(Text.Of(z), Text.Of(z.Merge(x)));
        }, iter: 200, threads: 1);
}
