using Workbook.Notebooks.Helpers.KvStore;

namespace Otp.KvStore.Tests.Helpers;

/// <summary>Chapter 7's picture of replicas' states: which rows agree, and what the SVG and the
/// text show.</summary>
public class ReplicaStatesTests
{
    private static readonly ReplicaStates Story = new("naive", ["n0", "n1"],
    [
        new StatesAt("before", ["k=[v0]", "k=[v0]"]),
        new StatesAt("partitioned", ["a=[left]", "a=[right] <b>"]),
    ]);

    [Fact]
    public void A_row_agrees_only_when_every_replica_holds_the_same_state()
    {
        Assert.Equal([true, false], Story.Agreement);
        Assert.Equal("naive\nbefore: n0 k=[v0] | n1 k=[v0]  (agree)\npartitioned: n0 a=[left] | n1 a=[right] <b>  (differ)", Story.ToString());
    }

    [Fact]
    public void The_svg_shows_every_state_escaped_with_the_row_colour_and_verdict()
    {
        var svg = Story.ToMimeBundle()["image/svg+xml"];
        Assert.StartsWith("<svg", svg);
        Assert.Contains(">a=[right] &lt;b&gt;</text>", svg);
        Assert.Equal(2, svg.Split("fill=\"#e2f3e2\"").Length - 1);   // the agreeing row's two cells
        Assert.Equal(2, svg.Split("fill=\"#f9dcdc\"").Length - 1);   // the differing row's two cells
        Assert.Contains(">agree</text>", svg);
        Assert.Contains(">differ</text>", svg);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_states_is_refused()
    {
        var bad = new ReplicaStates("bad", ["n0", "n1"], [new StatesAt("short", ["x"])]);
        var e = Assert.Throws<ArgumentException>(() => bad.ToSvg());
        Assert.Contains("moment 'short' has 1 states for 2 replicas", e.Message);
    }
}
