namespace Lab02.SelectiveReceive.Tests;

public class LevelsTests
{
    private static readonly int[] Bands = [90, 50];

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_TheMostUrgentBandComesFirst()
    {
        var run = await Lab.RunAsync(async self =>
        {
            self.Node.Trace!.Label(self.Self, "test");
            foreach (var level in new[] { 5, 60, 95, 70, 99, 1, 50, 90 })
                self.Send(self.Self, new Job(level, $"j{level}"));
            var order = new List<string>();
            while (await Levels.NextAsync(self, Bands, TimeSpan.Zero) is { } job) order.Add(job.Item);
            return order;
        });
        // Above 90: 95, 99. Above 50: 60, 70, 90. The rest, in arrival order: 5, 1, 50.
        Assert.Equal(["j95", "j99", "j60", "j70", "j90", "j5", "j1", "j50"], run.Result);
        await Verify(TraceText.WithoutTimeouts(run.Trace));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_WithNothingWaitingItTakesTheFirstJobToArrive()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var start = self.Node.Time.GetUtcNow();
            self.Send(self.Self, "not a job");
            self.SendAfter(TimeSpan.FromSeconds(2), self.Self, new Job(1, "first"));
            self.SendAfter(TimeSpan.FromSeconds(3), self.Self, new Job(99, "urgent but later"));
            var job = await Levels.NextAsync(self, Bands, TimeSpan.FromSeconds(10));
            return (job?.Item, at: self.Node.Time.GetUtcNow() - start);
        });
        Assert.Equal("first", run.Result.Item);
        Assert.Equal(TimeSpan.FromSeconds(2), run.Result.at);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_ATimeoutGivesNullAndTakesNothingElse()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var start = self.Node.Time.GetUtcNow();
            self.Send(self.Self, "keep me");
            var job = await Levels.NextAsync(self, Bands, TimeSpan.FromSeconds(1));
            return (job, at: self.Node.Time.GetUtcNow() - start, left: self.PeekMessages());
        });
        Assert.Null(run.Result.job);
        Assert.Equal(TimeSpan.FromSeconds(1), run.Result.at);
        Assert.Equal(["keep me"], run.Result.left);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_ThresholdsMustDescend()
    {
        var run = await Lab.RunAsync(async self =>
        {
            try
            {
                await Levels.NextAsync(self, [50, 90], TimeSpan.Zero);
                return null;
            }
            catch (ArgumentException ex)
            {
                return ex;
            }
        });
        Assert.NotNull(run.Result);
    }
}
