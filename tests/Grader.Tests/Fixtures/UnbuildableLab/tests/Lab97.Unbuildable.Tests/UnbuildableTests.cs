using Lab97.Unbuildable;

namespace Lab97.Unbuildable.Tests;

public class UnbuildableTests
{
    [Fact]
    public void Task1_ReturnsSeven() => Assert.Equal(7, Unbuildable.Value());
}
