namespace Otp.Tests;

/// <summary>On a deterministic node a run that can never finish is reported, not hung.</summary>
public class DeadlockTests
{
    [Fact]
    public async Task Two_processes_waiting_for_each_other_are_reported_as_a_deadlock()
    {
        using var node = Node.StartDeterministic();
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => node.RunAsync(async self =>
        {
            var other = self.Spawn(async me => await me.Receive(m => m is "your turn"));
            self.Send(self.Self, "noise");
            await self.Receive(m => m is "my turn");
            self.Send(other, "your turn");
        }));
        Assert.StartsWith("Deadlock: <0.1.0> did not end and never will.", ex.Message);
        Assert.Contains("no timer is pending (2 process(es) alive)", ex.Message);
        Assert.Contains("<0.1.0> has 1 message(s) in its mailbox that it did not take", ex.Message);
    }

    [Fact]
    public async Task A_process_waiting_past_the_limit_is_a_timeout_not_a_deadlock()
    {
        using var node = Node.StartDeterministic();
        var pid = node.Spawn(async self => await self.Sleep(TimeSpan.FromDays(2)));
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => node.WaitForExitAsync(pid, TimeSpan.FromDays(1)));
        Assert.StartsWith("<0.1.0> did not end within 1.00:00:00 of virtual time; timers are still pending.", ex.Message);
        Assert.Equal(ExitReason.Normal, await node.WaitForExitAsync(pid, TimeSpan.FromDays(2)));
    }
}
