namespace Otp.Tests.Scheduling;

/// <summary>
/// The real-time scheduler runs a process woken by a step on the same thread right after that
/// step. These tests check that this never costs liveness: a step that does not end soon (a
/// blocking call, a long computation) must not hold the process it woke.
/// </summary>
public class RunNextSlotTests
{
    private sealed record Ready;
    private sealed record Go;

    [Fact]
    public async Task A_process_woken_by_a_step_that_then_blocks_still_runs()
    {
        using var node = Node.Start();
        using var woken = new ManualResetEventSlim();
        var ranWhileBlocked = await node.RunAsync(async self =>
        {
            var me = self.Self;
            var b = self.Spawn(async p =>
            {
                p.Send(me, new Ready());
                await p.Receive(m => m is Go);
                woken.Set();
            });
            await self.Receive(m => m is Ready);
            self.Send(b, new Go()); // b waits in its receive, so this wakes it
            // Block this step (as student code calling Thread.Sleep or .Result would): b must
            // run elsewhere meanwhile. The bound only keeps a failing test from hanging.
            return woken.Wait(TimeSpan.FromSeconds(10));
        }, TimeSpan.FromSeconds(30));
        Assert.True(ranWhileBlocked, "the process woken by a blocked step did not run until that step ended");
    }

    [Fact]
    public async Task A_process_spawned_by_a_step_that_then_blocks_still_runs()
    {
        using var node = Node.Start();
        using var started = new ManualResetEventSlim();
        var ranWhileBlocked = await node.RunAsync(self =>
        {
            self.Spawn(_ =>
            {
                started.Set();
                return Task.CompletedTask;
            });
            return Task.FromResult(started.Wait(TimeSpan.FromSeconds(10)));
        }, TimeSpan.FromSeconds(30));
        Assert.True(ranWhileBlocked, "the process spawned by a blocked step did not start until that step ended");
    }
}
