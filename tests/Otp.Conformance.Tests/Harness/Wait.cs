namespace Otp.Conformance.Tests.Harness;

/// <summary>Waiting helpers that mirror the ones in Scenarios/scenario.hrl.</summary>
public static class Wait
{
    /// <summary>Polls until at least <paramref name="count"/> messages wait in the mailbox
    /// (Erlang: <c>await_queued/1</c>).</summary>
    public static async Task UntilQueuedAsync(this Process self, int count)
    {
        while (self.MessageQueueLength < count) await self.Sleep(TimeSpan.FromMilliseconds(1));
    }
}
