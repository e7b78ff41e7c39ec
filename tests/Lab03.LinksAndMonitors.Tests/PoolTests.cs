using System.Text;

namespace Lab03.LinksAndMonitors.Tests;

public class PoolTests
{
    /// <summary>One second of pretend work; 13 is unlucky and crashes the worker.</summary>
    private static async Task<int> Square(Process me, int n)
    {
        await me.Sleep(TimeSpan.FromSeconds(1));
        if (n == 13) throw new InvalidOperationException("unlucky");
        return n * n;
    }

    /// <summary>Runs each input from its own client process, all at once; returns the results in input order.</summary>
    private static async Task<List<JobResult>> RunAll(Process self, Pid pool, int[] inputs)
    {
        var clients = inputs.Select((n, i) => self.Spawn(async me =>
        {
            var result = await Pool.RunAsync(me, pool, n);
            me.Send(self.Self, (i, result));
        })).ToList();
        var results = new JobResult[inputs.Length];
        for (var k = 0; k < inputs.Length; k++)
        {
            var (i, r) = await self.Receive<(int, JobResult)>();
            results[i] = r;
        }
        return [.. results];
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_RunsAJob()
    {
        var run = await Lab.RunAsync(async self => await Pool.RunAsync(self, Pool.Start(self, 2, Square), 7));
        Assert.Equal(new Done(49), run.Result);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_ACrashFailsOnlyItsJobAndThePoolKeepsItsSize()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var pool = Pool.Start(self, 2, Square);
            var results = await RunAll(self, pool, [1, 13, 2, 13, 3, 4]);
            return (results, status: await Pool.StatusAsync(self, pool), alive: self.Node.IsAlive(pool));
        });
        var text = new StringBuilder();
        foreach (var r in run.Result.results) text.Append(r).Append('\n');
        text.Append($"workers {run.Result.status.Workers}, idle {run.Result.status.Idle}, pool alive {run.Result.alive}\n");
        await Verify(text.ToString());
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_WorkersRunSideBySide()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var pool = Pool.Start(self, 2, Square);
            var start = self.Node.Time.GetUtcNow();
            await RunAll(self, pool, [1, 2, 3, 4]);
            return self.Node.Time.GetUtcNow() - start;
        });
        // Four one-second jobs on two workers: two rounds.
        Assert.Equal(TimeSpan.FromSeconds(2), run.Result);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_ManyCrashesInARow()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var pool = Pool.Start(self, 3, Square);
            var results = await RunAll(self, pool, [13, 13, 13, 13, 13, 5]);
            return (results, status: await Pool.StatusAsync(self, pool));
        });
        Assert.Equal(5, run.Result.results.Count(r => r is Failed { Reason.Head: "InvalidOperationException" }));
        Assert.Equal(new Done(25), run.Result.results[5]);
        Assert.Equal(new PoolStatus(3, 3), run.Result.status);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_AnIdlePoolReportsItsWorkers()
    {
        var run = await Lab.RunAsync(async self => await Pool.StatusAsync(self, Pool.Start(self, 4, Square)));
        Assert.Equal(new PoolStatus(4, 4), run.Result);
    }
}
