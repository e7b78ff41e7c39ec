namespace Otp.Tests;

/// <summary>Links, monitors and exit signals, as the runtime's own API shows them.</summary>
public class SignalsTests
{
    [Fact]
    public async Task A_trapping_process_sees_a_linked_crash_and_a_monitor_sees_the_end_in_virtual_time()
    {
        using var node = Node.StartDeterministic();
        var result = await node.RunAsync(async self =>
        {
            self.TrapExit = true;
            var a = self.SpawnLink(async me => { await me.Receive(); throw new InvalidOperationException("boom"); });
            var (_, _) = self.SpawnMonitor(async me => await me.Sleep(TimeSpan.FromSeconds(30)));
            self.Send(a, "go");
            var exit = await self.Receive<ExitSignal>();
            var down = await self.Receive<Down>();
            var late = self.Monitor(a);
            var noproc = await self.Receive<Down>(d => d.Ref.Equals(late));
            return $"{exit.Reason.Head} {down.Reason} {noproc.Reason} {node.Time.GetUtcNow():HH:mm:ss}";
        });
        Assert.Equal("InvalidOperationException normal noproc 00:00:30", result);
    }

    [Fact]
    public async Task Kill_is_untrappable_and_partners_see_killed()
    {
        using var node = Node.StartDeterministic();
        var r = await node.RunAsync(async self =>
        {
            self.TrapExit = true;
            var victim = self.SpawnLink(async me => { me.TrapExit = true; await me.Receive(); });
            self.Exit(victim, ExitReason.Kill);
            return (await self.Receive<ExitSignal>()).Reason;
        });
        Assert.Equal(ExitReason.Killed, r);
    }

    [Fact]
    public async Task A_dying_partner_sends_its_exit_signal_before_its_down()
    {
        using var node = Node.StartDeterministic();
        var order = await node.RunAsync(async self =>
        {
            self.TrapExit = true;
            var p = self.Spawn(async me => await me.Receive(m => m is "go"));
            self.Monitor(p);
            self.Link(p);
            self.Send(p, "go");
            while (self.MessageQueueLength < 2) await self.Sleep(TimeSpan.FromMilliseconds(1));
            return string.Join(",", self.Flush().Select(m => m is ExitSignal ? "EXIT" : m is Down ? "DOWN" : "?"));
        });
        Assert.Equal("EXIT,DOWN", order);
    }

    [Fact]
    public async Task Demonitor_with_flush_leaves_no_down_behind()
    {
        using var node = Node.StartDeterministic();
        var left = await node.RunAsync(async self =>
        {
            var (_, r) = self.SpawnMonitor(async _ => { });
            await self.Sleep(TimeSpan.FromMilliseconds(1));
            Assert.Equal(1, self.MessageQueueLength);
            Assert.False(self.Demonitor(r, flush: true));
            return self.MessageQueueLength;
        });
        Assert.Equal(0, left);
    }

    [Fact]
    public async Task A_watcher_does_not_keep_the_processes_it_watched()
    {
        using var node = Node.StartDeterministic();
        var watcher = node.Spawn(async self =>
        {
            for (var i = 0; i < 100; i++)
            {
                self.SpawnMonitor(async _ => { });
                await self.Receive<Down>();
            }
            await self.Receive(m => m is "never");
        });
        await node.SettleAsync();
        Assert.Equal(0, watcher.Process!.WatchingCount);
    }
}
