namespace Labs.Alternatives.Tests.Views;

/// <summary>The views fair grading relies on: each must drop what it claims to drop, and keep the
/// rest, so that a wrong answer still shows.</summary>
public class TraceTextOrderTests
{
    // Two runs of the same processes: the same events per process, interleaved differently.
    private const string OneWay =
        "   0.000s  outside spawns test\n" +
        "   0.000s  test spawns <0.2.0>\n" +
        "   0.000s  test spawns <0.10.0>\n" +
        "   1.000s  <0.10.0> ! test \"b\"\n" +
        "   1.000s  <0.2.0> ! test \"a\"\n" +
        "   1.000s  timer delivers tick to <0.2.0>\n" +
        "   1.000s  test receives \"b\"\n" +
        "   1.000s  test receives \"a\"\n" +
        "   1.000s  test exits normal\n";
    private const string OtherWay =
        "   0.000s  outside spawns test\n" +
        "   0.000s  test spawns <0.2.0>\n" +
        "   0.000s  test spawns <0.10.0>\n" +
        "   1.000s  <0.2.0> ! test \"a\"\n" +
        "   1.000s  timer delivers tick to <0.2.0>\n" +
        "   1.000s  <0.10.0> ! test \"b\"\n" +
        "   1.000s  test receives \"a\"\n" +
        "   1.000s  test receives \"b\"\n" +
        "   1.000s  test exits normal\n";

    [Fact]
    public void PerProcessGroupsEachProcesssOwnEventsInItsOrder() => Assert.Equal(
        "outside:\n" +
        "   0.000s  outside spawns test\n" +
        "test:\n" +
        "   0.000s  test spawns <0.2.0>\n" +
        "   0.000s  test spawns <0.10.0>\n" +
        "   1.000s  test receives \"b\"\n" +
        "   1.000s  test receives \"a\"\n" +
        "   1.000s  test exits normal\n" +
        "<0.2.0>:\n" +
        "   1.000s  <0.2.0> ! test \"a\"\n" +
        "   1.000s  timer delivers tick to <0.2.0>\n" +
        "<0.10.0>:\n" +
        "   1.000s  <0.10.0> ! test \"b\"\n",
        TraceText.PerProcess(OneWay));

    [Fact]
    public void PerProcessDropsTheInterleavingButNotAProcesssOwnOrder()
    {
        // The two runs differ between processes (which worker sent first) and inside the test
        // (which answer it took first): only the second still shows.
        var (one, other) = (TraceText.PerProcess(OneWay), TraceText.PerProcess(OtherWay));
        Assert.NotEqual(one, other);
        Assert.Equal(Without(one, "test receives"), Without(other, "test receives"));
    }

    [Fact]
    public void AnyOrderSortsTheSelectedLinesAndDropsTheirTimes()
    {
        static string View(string t) => TraceText.AnyOrder(TraceText.PerProcess(t), l => l.Contains("test receives"));
        Assert.Equal(View(OneWay), View(OtherWay));
        Assert.Contains("any order  test receives \"a\"\nany order  test receives \"b\"\n   1.000s  test exits normal\n", View(OneWay));
    }

    [Fact]
    public void AnyOrderKeepsTheOrderBetweenRunsSeparatedByOtherLines()
    {
        const string trace = "   1.000s  x receives 2\n   1.000s  x receives 1\n   2.000s  x ! y go\n   3.000s  x receives 0\n";
        Assert.Equal(
            "any order  x receives 1\nany order  x receives 2\n   2.000s  x ! y go\nany order  x receives 0\n",
            TraceText.AnyOrder(trace, l => l.Contains("receives")));
    }

    [Fact]
    public void PidsByAppearanceNamesRolesNotNumbers()
    {
        const string mine = "sup spawns and links <0.3.0>\nsup spawns and links <0.4.0>\n<0.4.0> exits crashed\n";
        const string theirs = "sup spawns and links <0.7.0>\nsup spawns and links <0.5.0>\n<0.5.0> exits crashed\n";
        const string wrong = "sup spawns and links <0.7.0>\nsup spawns and links <0.5.0>\n<0.7.0> exits crashed\n";
        Assert.Equal("sup spawns and links <P1>\nsup spawns and links <P2>\n<P2> exits crashed\n", TraceText.PidsByAppearance(mine));
        Assert.Equal(TraceText.PidsByAppearance(mine), TraceText.PidsByAppearance(theirs));
        Assert.NotEqual(TraceText.PidsByAppearance(mine), TraceText.PidsByAppearance(wrong));
    }

    [Fact]
    public void RenameNamesOnlyTheGivenPidsWhereverTheyAppear() => Assert.Equal(
        "p1 ! p0 {hello,p1,<0.9.0>}\n",
        TraceText.Rename("<0.3.0> ! <0.2.0> {hello,<0.3.0>,<0.9.0>}\n", new Dictionary<string, string> { ["<0.2.0>"] = "p0", ["<0.3.0>"] = "p1" }));

    private static string Without(string text, string what) => TraceText.Keep(text, l => !l.Contains(what, StringComparison.Ordinal));
}
