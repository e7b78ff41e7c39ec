using Lab96.Fine;

namespace Lab96.Fine.Tests;

public class FineTests
{
    [Fact]
    public void Task1_ReturnsSeven() => Assert.Equal(7, Fine.Value());
}
