namespace Otp.Tests;

/// <summary>Exit signals travel down chains of links hop by hop, never recursively.</summary>
public class LinkChainTests
{
    private sealed record Last(Pid Pid);

    private static async Task Chain(Process me, Pid root, int n)
    {
        if (n == 1) me.Send(root, new Last(me.Self));
        else me.SpawnLink(next => Chain(next, root, n - 1));
        await me.Receive(m => m is "never");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_chain_of_100000_linked_processes_goes_down_without_overflowing_the_stack(bool deterministic)
    {
        const int length = 100_000;
        using var node = deterministic ? Node.StartDeterministic(trace: false) : Node.Start();
        var reason = await node.RunAsync(async self =>
        {
            self.TrapExit = true;
            var root = self.Self;
            self.SpawnLink(first => Chain(first, root, length));
            var last = await self.Receive<Last>();
            Assert.Equal(length + 1, node.ProcessCount);
            self.Exit(last.Pid, ExitReason.Of("snap"));
            return (await self.Receive<ExitSignal>()).Reason;
        }, TimeSpan.FromMinutes(2));
        Assert.Equal(ExitReason.Of("snap"), reason);
        Assert.Equal(0, node.ProcessCount);
    }
}
