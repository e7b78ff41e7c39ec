using Otp.Crdts.Counters;
using Otp.Crdts.Registers;
using Otp.Crdts.Sets;

namespace Otp.Crdts.Tests.Regressions;

/// <summary>
/// Each fault found in Lasp's types 0.1.8 (notes/crdts.md §0), replayed here: the same scenario
/// that crashes or diverges in Lasp must give a sound result.
/// </summary>
public sealed class LaspFaultTests
{
    [Fact]
    public void BoundedCounter_merge_with_the_same_move_entry_does_not_crash()
    {
        // Lasp: merge(X, X) with a {a,b} move entry is function_clause in state_gmap:merge.
        var x = BoundedCounter.Empty.Increment("a", 3).Move("a", "b", 1);
        Assert.Equal(x, x.Merge(x));

        // A second move by the same actor, then the old and new states meet.
        var y = x.Move("a", "b", 1);
        var merged = x.Merge(y);
        Assert.Equal(y, merged);
        Assert.Equal((1L, 2L, 3L), (merged.Rights("a"), merged.Rights("b"), merged.Value));
        Assert.Equal(merged, y.Merge(x));
    }

    [Fact]
    public void Lww_tie_merges_the_same_both_ways()
    {
        // Lasp: equal timestamps, merge(A,B) = from_b and merge(B,A) = from_a.
        var a = LwwRegister<string>.Empty.Set(5, "a", "from_a");
        var b = LwwRegister<string>.Empty.Set(5, "b", "from_b");
        Assert.Equal(a.Merge(b), b.Merge(a));
        Assert.Equal("from_b", a.Merge(b).Value); // replica b > a breaks the tie
    }

    [Fact]
    public void IVar_second_assignment_is_a_reported_conflict()
    {
        // Lasp: a second {set, _} is function_clause.
        var conflict = IVar<int>.Empty.Set(42).Set(7);
        Assert.True(conflict.IsConflict);
        Assert.Equal("{conflict,[7,42]}", conflict.ToString());
        Assert.IsType<Assignment<int>.Conflict>(conflict.Value);
    }

    [Fact]
    public void IVar_conflicting_merge_converges_on_the_conflict()
    {
        // Lasp: merging 42 with 7 is function_clause, so the receiving replica dies.
        var a = IVar<int>.Empty.Set(42);
        var b = IVar<int>.Empty.Set(7);
        Assert.Equal(a.Merge(b), b.Merge(a));
        Assert.Equal(new[] { 7, 42 }, ((Assignment<int>.Conflict)a.Merge(b).Value).Values);
    }

    [Fact]
    public void The_posts_two_phase_example_depends_on_the_declared_type()
    {
        // The post declares state_awset_ps for its "two-phase set": re-adding shows the element.
        var ps = AWSetWithProvenance<string>.Empty.Add("a", "foo").Add("a", "bar").Add("a", "baz").Remove("baz").Add("a", "baz");
        Assert.Equal("[bar,baz,foo]", Show.Term(ps.Value));
        // A real two-phase set keeps it out for good.
        var two = TwoPhaseSet<string>.Empty.Add("foo").Add("bar").Add("baz").Remove("baz").Add("baz");
        Assert.Equal("[bar,foo]", Show.Term(two.Value));
    }
}
