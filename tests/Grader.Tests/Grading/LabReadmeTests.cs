using Workbook.Grader.Discovery;
using Workbook.Testing;

namespace Grader.Tests.Grading;

public class LabReadmeTests
{
    [Fact]
    public void ReadsTitleTasksAndHintsAndSkipsCodeBlocks()
    {
        var readme = LabReadme.Parse("""
            # Lab 9: Things

            ```bash
            # not a title
            ## Task 7: not a task
            ```

            ## How to grade
            > **Hint:** not a task's hint

            ## Task 1: First thing
            Text.
            > **Hint:** Look
            > closely.

            More text.

            ## Task 2: Second thing
            No hint here.
            """);
        Assert.Equal("Lab 9: Things", readme.Title);
        Assert.Equal([new LabTask(1, "First thing", "Look closely."), new LabTask(2, "Second thing", null)], readme.Tasks);
    }

    [Fact]
    public void Lab1sReadmeHasFourTasksEachWithAHint()
    {
        var lab = Assert.Single(LabCatalog.Find(RepoPaths.Root), l => l.Number == 1);
        var readme = LabReadme.Load(lab);
        Assert.Equal([1, 2, 3, 4], readme.Tasks.Select(t => t.Number));
        Assert.All(readme.Tasks, t => Assert.False(string.IsNullOrWhiteSpace(t.Hint)));
    }

    [Theory]
    [InlineData("Lab01.Processes.Tests.EchoTests.Task1_EchoReplies", 1)]
    [InlineData("Task12_Something", 12)]
    [InlineData("Ns.C.Task_NoNumber", null)]
    [InlineData("Ns.C.Task3NoUnderscore", null)]
    [InlineData("Ns.Task1_.C.Helper", null)]
    public void TestsNameTheirTask(string name, int? task) => Assert.Equal(task, TaskNaming.TaskOf(name));
}
