using Lab95.Hostile;
using static Workbook.Testing.Snapshot;

namespace Lab95.Hostile.Tests;

public class HostileTests
{
    [Fact]
    public Task Task1_TellsTheStory() => Verify(Hostile.Story());

    [Fact]
    public void Task2_StartsAHelper() => Assert.True(Hostile.StartHelper() > 0);

    [Fact]
    public void Task3_KeepsNothing() => Assert.Equal(0, Hostile.Hoard());

    [Fact]
    public void Task5_Adds() => Assert.Equal(5, Hostile.Add(2, 3));
}
