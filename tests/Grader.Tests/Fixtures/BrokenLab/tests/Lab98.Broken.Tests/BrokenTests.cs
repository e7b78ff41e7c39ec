using Lab98.Broken;
using static Workbook.Testing.Snapshot;

namespace Lab98.Broken.Tests;

public class BrokenTests
{
    [Fact]
    public void Task1_Adds() => Assert.Equal(5, Broken.Add(2, 3));

    [Fact]
    public void Task2_Spins() => Assert.Equal(0, Broken.Spin());

    [Fact]
    public void Task3_GoesDeep() => Assert.Equal(0, Broken.Deep(0));

    [Fact]
    public void Task4_Answers() => Assert.Equal(42, Broken.Answer());

    [Fact]
    public Task Task5_TellsTheStory() => Verify(Broken.Story());

    [Fact]
    public void NamedAfterNoTask() => Assert.NotNull(new object());
}
