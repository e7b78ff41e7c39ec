using Otp;
using Workbook.Testing;

namespace Grader.Tests.Testing;

/// <summary>Lab.RunAsync turns a student's deadlock or endless loop into a failed test with a
/// message, and lets the student's own exceptions through unchanged.</summary>
public class LabRunTests
{
    [Fact(Timeout = 30_000)]
    public async Task ADeadlockFailsAtOnceWithTheEndOfTheTrace()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<LabRunException>(() => Lab.RunAsync(async self =>
        {
            var partner = self.Spawn(async me => await me.Receive());
            self.Send(partner, "hello");
            return await self.Receive();
        }));
        Assert.Contains("every process is waiting for a message", ex.Message);
        Assert.Contains("receives \"hello\"", ex.Message);
        Assert.True(clock.Elapsed < Lab.DefaultRealTime, "a deadlock is found without waiting for the real-time guard");
    }

    [Fact(Timeout = 30_000)]
    public async Task ACrashInASpawnedProcessIsNamedWhenTheRootWaitsForEver()
    {
        var ex = await Assert.ThrowsAsync<LabRunException>(() => Lab.RunAsync(async self =>
        {
            var worker = self.Spawn(me => throw new NotImplementedException("Task 3: not yet"));
            self.Node.Trace!.Label(worker, "worker");
            return await self.Receive();
        }));
        Assert.Contains("Processes that crashed:\n  worker: NotImplementedException: Task 3: not yet", ex.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task ALoopThatNeverAwaitsFailsAfterTheRealTimeLimit()
    {
        var spin = new CancellationTokenSource();
        try
        {
            var ex = await Assert.ThrowsAsync<LabRunException>(() => Lab.RunAsync(self =>
            {
                while (!spin.IsCancellationRequested) { }
                return Task.FromResult(0);
            }, realTime: TimeSpan.FromSeconds(1)));
            Assert.Contains("still running after 1 s of real time", ex.Message);
        }
        finally
        {
            spin.Cancel(); // frees the scheduler thread this test's node is stuck on
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task TheStudentsExceptionComesThroughUnchanged()
    {
        var ex = await Assert.ThrowsAsync<NotImplementedException>(() =>
            Lab.RunAsync<int>(_ => throw new NotImplementedException("Task 9: not yet")));
        Assert.Equal("Task 9: not yet", ex.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task VirtualTimePassesInstantly()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = await Lab.RunAsync(async self =>
        {
            await self.Sleep(TimeSpan.FromMinutes(3));
            return self.Node.Time.GetUtcNow();
        });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Contains("exits normal", run.Trace);
    }
}
