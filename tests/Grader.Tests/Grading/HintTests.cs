using Workbook.Grader;
using Workbook.Grader.Discovery;

namespace Grader.Tests.Grading;

/// <summary>Hints live apart from the tasks (HINTS.md) and are shown on request.</summary>
public class HintTests
{
    [Fact]
    public void HintsAreTheTextOfEachTaskSectionAndOnlyThat()
    {
        var hints = LabHints.Parse("""
            # Lab 9: hints

            Ask for one at a time.

            ## Task 1: First thing
            What if you
            look closely?

            ```csharp
            ## Task 7 inside code is code
            ```

            ## Task 2
            Why does it wait?
            ## Notes
            not a hint
            """);
        Assert.Equal([1, 2], hints.Keys.Order());
        Assert.Equal("What if you\nlook closely?\n\n```csharp\n## Task 7 inside code is code\n```", hints[1]);
        Assert.Equal("Why does it wait?", hints[2]);
    }

    [Fact]
    public async Task TheHintCommandShowsOneTaskAndRefusesWhatItCannotFind()
    {
        var console = new TextConsole();
        Assert.Equal(GraderApp.Ran, await GraderApp.RunAsync(new GraderRequest { Root = RepoPaths.Root, Hint = "2.4" }, console.Console, TestContext.Current.CancellationToken));
        var lab2 = LabReadme.Load(Assert.Single(LabCatalog.Find(RepoPaths.Root), l => l.Number == 2));
        Assert.Contains(lab2.Tasks.Single(t => t.Number == 4).Hint!.Split('\n')[0], console.Output);
        Assert.Contains("task 4: " + lab2.Tasks.Single(t => t.Number == 4).Title, console.Output);
        Assert.DoesNotContain(lab2.Tasks.Single(t => t.Number == 3).Hint!.Split('\n')[0], console.Output);

        foreach (var bad in new[] { "2", "x.y", "99.1", "2.99" })
        {
            var errors = new TextConsole();
            Assert.Equal(GraderApp.CouldNotGrade, await GraderApp.RunAsync(new GraderRequest { Root = RepoPaths.Root, Hint = bad }, errors.Console, TestContext.Current.CancellationToken));
            Assert.NotEqual("", errors.Output.Trim());
        }
    }

    [Fact]
    public void EveryLabKeepsItsHintsInHintsMdAndNoneInItsReadme()
    {
        foreach (var lab in LabCatalog.Find(RepoPaths.Root))
        {
            var readme = LabReadme.Load(lab.Readme);
            Assert.All(readme.Tasks, t => Assert.True(t.Hint is null, $"{lab.Name}: task {t.Number}'s hint is in README.md; move it to HINTS.md"));
            var hints = LabHints.Load(lab.Hints);
            Assert.All(readme.Tasks, t => Assert.True(hints.ContainsKey(t.Number), $"{lab.Name}: HINTS.md has no '## Task {t.Number}'"));
        }
    }
}
