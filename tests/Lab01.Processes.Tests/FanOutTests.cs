using Lab01.Processes;

namespace Lab01.Processes.Tests;

public class FanOutTests
{
    private readonly Func<Process, IReadOnlyList<Job>, Task<IReadOnlyList<int>>> squareAll;
    private readonly int? seed;

    /// <summary>The tests of your <see cref="FanOut.SquareAllAsync"/>.</summary>
    public FanOutTests() : this(FanOut.SquareAllAsync) { }

    /// <summary>The same tests on another implementation, and optionally another interleaving
    /// (<paramref name="seed"/>): tests/Labs.Alternatives.Tests runs them on other correct answers,
    /// which must pass, and on wrong ones, which must fail.</summary>
    protected FanOutTests(Func<Process, IReadOnlyList<Job>, Task<IReadOnlyList<int>>> squareAll, int? seed = null) =>
        (this.squareAll, this.seed) = (squareAll, seed);

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
            return await squareAll(self, Jobs);
        }, seed: seed);
        Assert.Equal([9, 16, 25], run.Result);
        // The task fixes the spawns (one worker per job, in job order, before any answer is taken)
        // and what each worker does; it leaves open in which order, and when, the answers are
        // taken: by pid in job order, or as they arrive. So: each process's own events, with the
        // test's receives in any order.
        await Verify(TraceText.AnyOrder(TraceText.PerProcess(run.Trace), l => l.Contains("test receives ", StringComparison.Ordinal)));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_WorkersRunAtTheSameTime()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var start = self.Node.Time.GetUtcNow();
            await squareAll(self, Jobs);
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
            var run = await Lab.RunAsync(self => squareAll(self, jobs), seed: seed);
            Assert.Equal(jobs.Select(j => j.Input * j.Input), run.Result);
        }
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_NoJobsNoWorkers()
    {
        var run = await Lab.RunAsync(async self => await squareAll(self, []));
        Assert.Empty(run.Result);
    }
}
