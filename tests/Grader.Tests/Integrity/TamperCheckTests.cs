using Grader.Tests.Grading;
using Workbook.Grader.Discovery;
using Workbook.Grader.Integrity;

namespace Grader.Tests.Integrity;

/// <summary>The comparison with the committed files, on disk, in a throwaway git repository
/// (what ran, from the test assembly, is covered end to end in GraderEndToEndTests).</summary>
public sealed class TamperCheckTests : IDisposable
{
    private readonly FixtureWorkbook _workbook = new("BrokenLab");

    public void Dispose() => _workbook.Dispose();

    private LabInfo Lab => Assert.Single(LabCatalog.Find(_workbook.Root));

    private string TestFile(string name) => Path.Combine(_workbook.Root, "tests", "Lab98.Broken.Tests", name);

    [Fact]
    public void AnUntouchedCheckoutIsTrustedAndReceivedSnapshotsAreNotFindings()
    {
        File.WriteAllText(TestFile("BrokenTests.Task5_TellsTheStory.received.txt"), "whatever a failing run wrote");
        var integrity = TamperCheck.Check(_workbook.Root, "HEAD", Lab, null);
        Assert.True(integrity.Trusted, string.Join("\n", integrity.Findings));
        Assert.StartsWith("HEAD (", integrity.Reference);
    }

    [Fact]
    public void ASnapshotCopiedFromTheReceivedFileFailsItsTaskOnly()
    {
        File.WriteAllText(TestFile("BrokenTests.Task5_TellsTheStory.verified.txt"), "one\nthree\ntwo\nfour\n");
        var integrity = TamperCheck.Check(_workbook.Root, "HEAD", Lab, null);
        var finding = Assert.Single(integrity.Findings);
        Assert.Equal("tests/Lab98.Broken.Tests/BrokenTests.Task5_TellsTheStory.verified.txt: changed (on disk after the run)", finding.ToString());
        Assert.Equal([5], finding.Tasks);
        Assert.True(integrity.Touches(5));
        Assert.False(integrity.Touches(4));
    }

    [Fact]
    public void DeletingASnapshotOrAddingAFileIsFound()
    {
        File.Delete(TestFile("BrokenTests.Task5_TellsTheStory.verified.txt"));
        File.WriteAllText(TestFile("Extra.cs"), "// compiled into the tests\n");
        var found = TamperCheck.Check(_workbook.Root, "HEAD", Lab, null).Findings.Select(f => f.ToString()).ToList();
        Assert.Equal(
        [
            "tests/Lab98.Broken.Tests/BrokenTests.Task5_TellsTheStory.verified.txt: deleted (on disk after the run)",
            "tests/Lab98.Broken.Tests/Extra.cs: added (on disk after the run)",
        ], found);
    }

    [Fact]
    public void AnEditedTestTouchesTheTasksItMentionedBeforeOrAfterAndAProjectFileTouchesAll()
    {
        var tests = TestFile("BrokenTests.cs");
        File.WriteAllText(tests, File.ReadAllText(tests).Replace("Assert.Equal(42, Broken.Answer())", "Assert.True(true)", StringComparison.Ordinal));
        File.AppendAllText(TestFile("Lab98.Broken.Tests.csproj"), "\n");
        var findings = TamperCheck.Check(_workbook.Root, "HEAD", Lab, null).Findings;
        Assert.Equal([1, 2, 3, 4, 5], findings.Single(f => f.Path.EndsWith("BrokenTests.cs", StringComparison.Ordinal)).Tasks);
        Assert.Empty(findings.Single(f => f.Path.EndsWith(".csproj", StringComparison.Ordinal)).Tasks);
    }

    [Fact]
    public void ASharedBuildFileCountsForEveryLab()
    {
        File.AppendAllText(Path.Combine(_workbook.Root, "tests", "Directory.Build.props"), "<!-- -->\n");
        File.WriteAllText(Path.Combine(_workbook.Root, "Directory.Build.targets"), "<Project />\n");
        var integrity = TamperCheck.Check(_workbook.Root, "HEAD", Lab, null);
        Assert.Equal(["Directory.Build.targets", "tests/Directory.Build.props"], integrity.Findings.Select(f => f.Path));
        Assert.True(integrity.Touches(1));
    }

    [Fact]
    public void CommittedEditsAreFoundAgainstAnEarlierReference()
    {
        File.WriteAllText(TestFile("BrokenTests.Task5_TellsTheStory.verified.txt"), "one\nthree\ntwo\nfour\n");
        _workbook.Git("commit", "-q", "-a", "-m", "accept my snapshot");
        Assert.True(TamperCheck.Check(_workbook.Root, "HEAD", Lab, null).Trusted);
        Assert.Single(TamperCheck.Check(_workbook.Root, "HEAD~1", Lab, null).Findings);
    }

    [Fact]
    public void WithoutARepositoryOrRevisionTheLabIsNotTrustedAndSaysWhy()
    {
        var unknown = TamperCheck.Check(_workbook.Root, "no-such-branch", Lab, null);
        Assert.False(unknown.Trusted);
        Assert.Contains("'no-such-branch' does not exist", unknown.Unchecked);
        Directory.Delete(Path.Combine(_workbook.Root, ".git"), recursive: true);
        var none = TamperCheck.Check(_workbook.Root, "HEAD", Lab, null);
        Assert.False(none.Trusted);
        Assert.Contains("not a git checkout", none.Unchecked);
    }

    [Fact]
    public void GitBlobIdsMatchGitAndToleranceForCrLfIsOnlyForLineEndings()
    {
        // `printf 'hello\n' | git hash-object --stdin`
        Assert.Equal("ce013625030ba8dba906f756967f9e9ca394464a", GitBlob.Id("hello\n"u8));
        Assert.True(GitBlob.Matches("hello\r\n"u8, "ce013625030ba8dba906f756967f9e9ca394464a"));
        Assert.False(GitBlob.Matches("hello!\n"u8, "ce013625030ba8dba906f756967f9e9ca394464a"));
    }
}
