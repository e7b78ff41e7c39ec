using Workbook.Grader;
using Workbook.Grader.Discovery;
using Workbook.Grader.Grading;
using Workbook.Grader.Reporting;
using Workbook.Grader.Running;

namespace Grader.Tests.Grading;

/// <summary>The grader on labs that loop, crash, fail and do not compile: every mistake becomes
/// a failed task with a message, and the grader itself always finishes.</summary>
public class GraderEndToEndTests
{
    [Fact(Timeout = 600_000)]
    public async Task ABrokenLabBecomesFailedTasksWithClearMessages()
    {
        using var workbook = new FixtureWorkbook("BrokenLab");
        var lab = Assert.Single(LabCatalog.Find(workbook.Root));
        var settings = new GraderSettings
        {
            Root = workbook.Root,
            RunLimit = TimeSpan.FromSeconds(10),
            TestLimit = TimeSpan.FromSeconds(5),
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await new LabGrader(settings).GradeAsync(lab, TestContext.Current.CancellationToken);

        Assert.True(result.Compiled, result.Problem);
        Assert.Equal("Lab 98: Broken on purpose", result.Title);
        Assert.Equal([1, 2, 3, 4, 5], result.Tasks.Select(t => t.Number));
        Assert.Equal([true, false, false, false, false], result.Tasks.Select(t => t.Passed));
        Assert.Equal("A loop that never ends never returns.", result.Tasks[1].Hint);

        var spin = Assert.Single(result.Tasks[1].Tests);
        Assert.Equal(TestOutcome.TimedOut, spin.Outcome);
        Assert.Contains("Still running after 5 s", spin.Message);

        var deep = Assert.Single(result.Tasks[2].Tests);
        Assert.Equal(TestOutcome.Crashed, deep.Outcome);
        Assert.Contains("crashed", deep.Message);
        Assert.Contains("Stack overflow", deep.Message);

        var answer = Assert.Single(result.Tasks[3].Tests);
        Assert.Equal(TestOutcome.Failed, answer.Outcome);
        Assert.Contains("Expected: 42", answer.Message);

        var story = Assert.Single(result.Tasks[4].Tests);
        var (_, diff) = FailureText.Split(story.Message);
        Assert.Equal("--- verified\n+++ received\n@@ -1,4 +1,4 @@\n one\n+three\n two\n-three\n four", diff);

        var unassigned = Assert.Single(result.Unassigned);
        Assert.Equal("NamedAfterNoTask", unassigned.Method);

        // Whole run killed at 10 s, then one test at a time, the spinning one killed at 5 s.
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(4), $"grading took {clock.Elapsed}");

        var console = new TextConsole(100);
        ConsoleReport.Write(console.Console, new GradeReport("labs", [result]));
        Assert.Contains("first failing task: Task 2: Spin", console.Output);
        // The hint itself is shown on request only.
        Assert.Contains("Stuck? Ask for a hint: dotnet run --project tests/Grader -- --hint 98.2", console.Output);
        Assert.DoesNotContain("A loop that never ends", console.Output);
        Assert.Contains("Total: 1 of 5 tasks passed (20%)", console.Output);

        var json = System.Text.Json.JsonDocument.Parse(JsonReport.Serialize(new GradeReport("labs", [result]), DateTimeOffset.UnixEpoch));
        var tasks = json.RootElement.GetProperty("labs")[0].GetProperty("tasks");
        Assert.Equal("timedOut", tasks[1].GetProperty("tests")[0].GetProperty("outcome").GetString());
        Assert.Equal("crashed", tasks[2].GetProperty("tests")[0].GetProperty("outcome").GetString());
        Assert.Equal(20.0, json.RootElement.GetProperty("percent").GetDouble());

        // The same lab's reference solution passes what it can; the starter check then names
        // each broken promise: a starter that passes a test, a test named after no task, and
        // the solution's failure (its test NamedAfterNoTask passes; Task1_Adds passes on both).
        var solution = await new LabGrader(settings with { Source = "solutions" }).GradeAsync(lab, TestContext.Current.CancellationToken);
        Assert.Equal(5, solution.PassedTasks);
        var failed = StarterCheck.Evaluate(lab, result, solution).Where(c => !c.Ok).Select(c => c.What).ToList();
        Assert.Equal(["NamedAfterNoTask names its task", "the starter fails NamedAfterNoTask", "the starter fails Task1_Adds"], failed.Order());
    }

    [Fact(Timeout = 600_000)]
    public async Task ALabThatDoesNotCompileFailsEveryTaskWithTheCompilerErrorsAndTheOthersAreStillGraded()
    {
        using var workbook = new FixtureWorkbook("UnbuildableLab", "FineLab");
        var labs = LabCatalog.Find(workbook.Root);
        Assert.Equal([96, 97], labs.Select(l => l.Number));
        // Graded together: the one build of both fails, so each builds on its own.
        var report = await new LabGrader(new GraderSettings { Root = workbook.Root }).GradeAsync(labs, TestContext.Current.CancellationToken);

        var fine = report.Labs[0];
        Assert.True(fine.Compiled, fine.Problem);
        Assert.Equal(1, fine.PassedTasks);

        var broken = report.Labs[1];
        Assert.False(broken.Compiled);
        Assert.Contains("It does not compile", broken.Problem);
        Assert.Contains("labs/Lab97.Unbuildable/Unbuildable.cs(5,", broken.Problem);
        Assert.Contains("CS0029", broken.Problem);
        var task = Assert.Single(broken.Tasks);
        Assert.False(task.Passed);
        Assert.Equal(50, report.Percent);
    }

    [Fact(Timeout = 600_000)]
    public async Task AHostileLabCannotBuyAPassNorOutliveNorOutgrowItsGrading()
    {
        using var workbook = new FixtureWorkbook("HostileLab");
        // The learner "fixes" task 4 by editing its test rather than the code.
        var answerTests = Path.Combine(workbook.Root, "tests", "Lab95.Hostile.Tests", "AnswerTests.cs");
        File.WriteAllText(answerTests, File.ReadAllText(answerTests).Replace("Assert.Equal(42,", "Assert.Equal(41,", StringComparison.Ordinal));
        var lab = Assert.Single(LabCatalog.Find(workbook.Root));
        var settings = new GraderSettings
        {
            Root = workbook.Root,
            RunLimit = TimeSpan.FromSeconds(90),
            TestLimit = TimeSpan.FromSeconds(60),
            MemoryLimitMegabytes = 128,
        };
        var result = await new LabGrader(settings).GradeAsync(lab, TestContext.Current.CancellationToken);

        // labs/Directory.Build.props: an undocumented public helper with an unused local compiles.
        Assert.True(result.Compiled, result.Problem);
        var tasks = result.Tasks;
        Assert.Equal([1, 2, 3, 4, 5], tasks.Select(t => t.Number));
        Assert.True(tasks[4].Passed, tasks[4].FirstFailure?.Message);
        var story = Assert.Single(tasks[0].Tests);
        var helper = Assert.Single(tasks[1].Tests);
        var hoard = Assert.Single(tasks[2].Tests);
        var answer = Assert.Single(tasks[3].Tests);
        var verified = Path.Combine(workbook.Root, "tests", "Lab95.Hostile.Tests", "HostileTests.Task1_TellsTheStory.verified.txt");

        Assert.Multiple(
            // Snapshots come from the test assembly: the module initializer that made the file on
            // disk agree with the wrong story (and put it back afterwards) changed nothing.
            () => Assert.Equal(TestOutcome.Failed, story.Outcome),
            () => Assert.Equal("--- verified\n+++ received\n@@ -1,3 +1,3 @@\n one\n+three\n two\n-three", FailureText.Split(story.Message).Diff),
            () => Assert.Equal("one\ntwo\nthree\n", File.ReadAllText(verified)),
            // The sleep that inherited the test process's output neither stalled the run (its tests
            // are reported, not timed out) nor outlived it, and the task says so.
            () => Assert.Equal(TestOutcome.Failed, helper.Outcome),
            () => Assert.Contains("left an OS process running", helper.Message),
            () => Assert.Contains("sleep 1000", helper.Message),
            () => Assert.All(helper.LeftRunning.Select(Pid), pid => Assert.False(IsAlive(pid), $"pid {pid} is still running")),
            () => Assert.Contains("sleep 1000", result.LeftRunning.SingleOrDefault() ?? ""),
            // The heap limit turned the runaway allocation into a failed task that says why.
            () => Assert.Equal(TestOutcome.Failed, hoard.Outcome),
            () => Assert.StartsWith("Out of memory: the test used more than the 128 MB", hoard.Message),
            // The edited test passed, but it is not the committed one: task 4 does not pass and
            // the lab is not trusted.
            () => Assert.Equal(TestOutcome.Passed, answer.Outcome),
            () => Assert.True(tasks[3].Tampered),
            () => Assert.False(tasks[3].Passed),
            () => Assert.False(result.Integrity.Trusted),
            () => Assert.Equal(["tests/Lab95.Hostile.Tests/AnswerTests.cs: changed (in the tests that ran, and on disk after the run)"],
                result.Integrity.Findings.Select(f => f.ToString())),
            () => Assert.Equal([4], result.Integrity.Findings.Single().Tasks));

        var json = System.Text.Json.JsonDocument.Parse(JsonReport.Serialize(new GradeReport("labs", [result]), DateTimeOffset.UnixEpoch)).RootElement;
        Assert.False(json.GetProperty("trusted").GetBoolean());
        var labJson = json.GetProperty("labs")[0];
        Assert.False(labJson.GetProperty("trusted").GetBoolean());
        Assert.Equal("tests/Lab95.Hostile.Tests/AnswerTests.cs", labJson.GetProperty("tampered")[0].GetProperty("path").GetString());
        Assert.True(labJson.GetProperty("tasks")[3].GetProperty("tampered").GetBoolean());
        Assert.Contains("sleep 1000", labJson.GetProperty("leftRunning")[0].GetString());

        var console = new TextConsole(140);
        ConsoleReport.Write(console.Console, new GradeReport("labs", [result]));
        Assert.Contains("tampered", console.Output);
        Assert.Contains("git checkout HEAD -- tests/Lab95.Hostile.Tests/AnswerTests.cs", console.Output);
        Assert.Contains("--hint 95.1", console.Output);
    }

    private static int Pid(string leftRunning) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(leftRunning, @"\(pid (\d+)\)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsAlive(int pid)
    {
        // A zombie is dead: only its exit status waits to be collected.
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                return stat[(stat.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
            }
            catch (IOException) { return false; }
        }
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException) { return false; }
    }

    [Fact(Timeout = 600_000)]
    public async Task UnknownLabsAndMissingWorkbooksAreUsageErrorsNotScores()
    {
        var console = new TextConsole();
        Assert.Equal(GraderApp.CouldNotGrade, await GraderApp.RunAsync(new GraderRequest { Root = RepoPaths.Root, Labs = [99] }, console.Console, TestContext.Current.CancellationToken));
        Assert.Contains("No lab 99", console.Output);
        var empty = Directory.CreateTempSubdirectory("grader-empty-");
        try
        {
            Assert.Equal(GraderApp.CouldNotGrade, await GraderApp.RunAsync(new GraderRequest { Root = empty.FullName }, console.Console, TestContext.Current.CancellationToken));
        }
        finally { empty.Delete(); }
    }
}
