using Lab01.Processes;

namespace Lab01.Processes.Tests;

public class FanOutTests
{
    // The slowest job comes first, so answers arrive in the opposite order to the jobs.
    private static readonly Job[] Jobs =
    [
        new("a", 3, TimeSpan.FromSeconds(3)),
        new("b", 4, TimeSpan.FromSeconds(2)),
        new("c", 5, TimeSpan.FromSeconds(1)),
    ];

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_AnswersComeBackInJobOrder()
    {
        var run = await Lab.RunAsync(async self =>
        {
            self.Node.Trace!.Label(self.Self, "test");
            return await FanOut.SquareAllAsync(self, Jobs);
        });
        Assert.Equal([9, 16, 25], run.Result);
        await Verify(run.Trace);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_WorkersRunAtTheSameTime()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var start = self.Node.Time.GetUtcNow();
            await FanOut.SquareAllAsync(self, Jobs);
            return self.Node.Time.GetUtcNow() - start;
        });
        // Three jobs of 3, 2 and 1 seconds take 3 seconds in parallel, 6 one after another.
        Assert.Equal(TimeSpan.FromSeconds(3), run.Result);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_SameAnswerInEveryInterleaving()
    {
        var jobs = Enumerable.Range(1, 8).Select(i => new Job($"j{i}", i, TimeSpan.FromMilliseconds(100 * (i % 3)))).ToArray();
        foreach (var seed in Enumerable.Range(1, 10))
        {
            var run = await Lab.RunAsync(self => FanOut.SquareAllAsync(self, jobs), seed: seed);
            Assert.Equal(jobs.Select(j => j.Input * j.Input), run.Result);
        }
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_NoJobsNoWorkers()
    {
        var run = await Lab.RunAsync(async self => await FanOut.SquareAllAsync(self, []));
        Assert.Empty(run.Result);
    }
}
