using Workbook.Testing;

namespace Grader.Tests.Testing;

public class UnifiedDiffTests
{
    [Fact]
    public void EqualTextsHaveNoDiff() => Assert.Equal("", UnifiedDiff.Create("a\n", "a\n"));

    [Fact]
    public void DistantChangesMakeSeparateHunksWithThreeLinesOfContext()
    {
        var lines = Enumerable.Range(1, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var a = string.Join('\n', lines) + "\n";
        lines[1] = "two";
        lines.RemoveAt(17);
        var b = string.Join('\n', lines) + "\n";
        Assert.Equal(
            "--- expected\n+++ actual\n" +
            "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n" +
            "@@ -15,6 +15,5 @@\n 15\n 16\n 17\n-18\n 19\n 20\n",
            UnifiedDiff.Create(a, b));
    }

    [Fact]
    public void AFileThatIsNewIsAllAdditions() =>
        Assert.Equal("--- v\n+++ r\n@@ -0,0 +1,2 @@\n+x\n+y\n", UnifiedDiff.Create("", "x\ny\n", "v", "r"));

    [Fact]
    public void AMissingFinalNewlineIsPointedOut() =>
        Assert.EndsWith("\\ the two differ in their final newline\n", UnifiedDiff.Create("x\n", "x"));
}
