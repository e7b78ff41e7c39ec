using Otp.Crdts.Counters;

namespace Otp.Crdts.Tests.Examples;

/// <summary>The counter examples of the Lasp posts and notes, with the outputs types 0.1.8 prints.</summary>
public sealed class CounterExamples
{
    [Fact]
    public void GCounter_inc_a_a_b_is_3()
    {
        var c = GCounter.Empty.Increment("a").Increment("a").Increment("b");
        Assert.Equal(3, c.Value);
        Assert.Equal("[{a,2},{b,1}]", c.ToString());
    }

    [Fact]
    public void PNCounter_inc_a_inc_a_dec_b_is_1() =>
        Assert.Equal(1, PNCounter.Empty.Increment("a").Increment("a").Decrement("b").Value);

    [Fact]
    public void MaxInt_concurrent_increments_merge_to_the_max_not_the_sum()
    {
        var a = MaxInt.Empty.Increment().Increment();
        var b = MaxInt.Empty.Increment();
        Assert.Equal(2, a.Merge(b).Value);
    }

    [Fact]
    public void LexCounter_inc_inc_dec_prints_2_then_1_and_the_old_state_loses()
    {
        var two = LexCounter.Empty.Increment("a").Increment("a");
        var one = two.Decrement("a");
        Assert.Equal([2, 1], new[] { two.Value, one.Value });
        Assert.Equal("[{a,{1,1}}]", one.ToString());
        Assert.Equal(1, two.Merge(one).Value);
    }

    [Fact]
    public void BoundedCounter_1_2_1_move_then_only_b_may_decrement()
    {
        var s1 = BoundedCounter.Empty.Increment("a");
        var s2 = s1.Increment("a");
        var s3 = s2.Decrement("a");
        Assert.Equal([1, 2, 1], new[] { s1.Value, s2.Value, s3.Value });

        var moved = s3.Move("a", "b", 1);
        Assert.Equal(1, moved.Value);
        Assert.Equal((0, 1), (moved.Rights("a"), moved.Rights("b")));

        var error = Assert.Throws<InsufficientRightsException>(() => moved.Decrement("a"));
        Assert.Equal((new ReplicaId("a"), 0L, 1L), (error.Replica, error.Available, error.Requested));
        Assert.Contains("not enough permissions", error.Message);

        var zero = moved.Decrement("b");
        Assert.Equal(0, zero.Value);
        Assert.Throws<InsufficientRightsException>(() => zero.Decrement("b"));
    }

    [Fact]
    public void BoundedCounter_refused_move_changes_nothing()
    {
        var s = BoundedCounter.Empty.Increment("a");
        Assert.Throws<InsufficientRightsException>(() => s.Move("a", "b", 2));
        Assert.Throws<ArgumentException>(() => s.Move("a", "a", 1));
        Assert.Equal(1, s.Rights("a"));
    }
}
