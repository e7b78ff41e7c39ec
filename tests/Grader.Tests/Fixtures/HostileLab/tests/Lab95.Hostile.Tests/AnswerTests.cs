using Lab95.Hostile;

namespace Lab95.Hostile.Tests;

public class AnswerTests
{
    [Fact]
    public void Task4_Answers() => Assert.Equal(42, Hostile.Answer());
}
