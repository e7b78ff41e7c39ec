using Otp.Crdts.Sets;

namespace Otp.Crdts.Tests.Examples;

/// <summary>The set examples of the Lasp posts and notes.</summary>
public sealed class SetExamples
{
    [Fact]
    public void ORSet_add_foo_bar_foo_baz_then_remove_baz()
    {
        var s = ORSet<string>.Empty.Add("a", "foo").Add("a", "bar").Add("a", "foo").Add("a", "baz");
        Assert.Equal("[bar,baz,foo]", Show.Term(s.Value));
        var removed = s.Remove("baz");
        Assert.Equal("[bar,foo]", Show.Term(removed.Value));
        // The tombstone stays: baz's token is false, not gone.
        Assert.Equal("[{{a,4},false}]", Show.Term(removed.Entries["baz"]));
        Assert.Equal(1, removed.Tombstones);
        Assert.Equal("[bar,baz,foo]", Show.Term(removed.Add("a", "baz").Value));
    }

    [Fact]
    public void ORSet_add_wins_over_a_concurrent_remove()
    {
        var shared = ORSet<string>.Empty.Add("a", "x");
        Assert.Equal("[x]", Show.Term(shared.Add("a", "x").Merge(shared.Remove("x")).Value));
    }

    [Fact]
    public void AWSet_same_outputs_as_ORSet_and_no_trace_of_baz()
    {
        var s = AWSet<string>.Empty.Add("a", "foo").Add("a", "bar").Add("a", "foo").Add("a", "baz");
        Assert.Equal("[bar,baz,foo]", Show.Term(s.Value));
        var removed = s.Remove("baz");
        Assert.Equal("[bar,foo]", Show.Term(removed.Value));
        Assert.Equal("{[{bar,[{a,2}]},{foo,[{a,3}]}],{[{a,4}],[]}}", removed.ToString());
        Assert.Equal("[bar,baz,foo]", Show.Term(removed.Add("a", "baz").Value));
    }

    [Fact]
    public void AWSetWithProvenance_same_outputs_as_AWSet()
    {
        var s = AWSetWithProvenance<string>.Empty.Add("a", "foo").Add("a", "bar").Add("a", "foo").Add("a", "baz");
        Assert.Equal("[bar,baz,foo]", Show.Term(s.Value));
        Assert.Equal("[bar,foo]", Show.Term(s.Remove("baz").Value));
    }

    [Fact]
    public void AWSetWithProvenance_removing_a_source_removes_the_derived_pair_on_merge()
    {
        var a = AWSetWithProvenance<string>.Empty.Add("a", "x").Add("a", "y");
        var b = AWSetWithProvenance<int>.Empty.Add("b", 1);
        var product = a.Product(b);
        Assert.Equal("[{x,1},{y,1}]", Show.Term(product.Value));
        // Another replica saw the same sources, then x was removed there; its product loses (x,1).
        var later = a.Remove("x").Product(b);
        Assert.Equal("[{y,1}]", Show.Term(product.Merge(later).Value));
        Assert.Equal("[y]", Show.Term(a.Filter(e => e == "y").Value));
    }

    [Fact]
    public void GSet_add_foo_bar_foo()
    {
        var s = GSet<string>.Empty.Add("foo").Add("bar").Add("foo");
        Assert.Equal("[bar,foo]", Show.Term(s.Value));
        Assert.Equal(GSet<string>.Empty, s.AddDelta("foo"));
    }

    [Fact]
    public void TwoPhaseSet_removed_stays_removed_and_remove_first_blocks_adds()
    {
        var s = TwoPhaseSet<string>.Empty.Add("foo").Add("bar").Add("baz");
        var removed = s.Remove("baz");
        var readded = removed.Add("baz");
        Assert.Equal(["[bar,baz,foo]", "[bar,foo]", "[bar,foo]"], new[] { s, removed, readded }.Select(x => Show.Term(x.Value)));
        Assert.Equal("[]", Show.Term(TwoPhaseSet<string>.Empty.Remove("qux").Add("qux").Value));
    }
}
