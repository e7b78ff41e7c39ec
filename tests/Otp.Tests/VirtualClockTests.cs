namespace Otp.Tests;

/// <summary>On a deterministic node time is virtual: it jumps to the next timer when every process
/// waits, so long timeouts cost nothing and always fire at the same point.</summary>
public class VirtualClockTests
{
    [Fact]
    public async Task A_30_second_receive_timeout_moves_virtual_time_by_exactly_30_seconds()
    {
        using var node = Node.StartDeterministic();
        var start = node.Time.GetUtcNow();
        var (result, elapsed) = await node.RunAsync(async self =>
        {
            var r = await self.Receive(_ => true, TimeSpan.FromSeconds(30));
            return (r, node.Time.GetUtcNow() - start);
        });
        Assert.Null(result);
        Assert.Equal(TimeSpan.FromSeconds(30), elapsed);
    }

    [Fact]
    public async Task Timers_fire_in_order_of_their_due_times_at_their_due_times()
    {
        using var node = Node.StartDeterministic();
        var start = node.Time.GetUtcNow();
        var log = await node.RunAsync(async self =>
        {
            self.SendAfter(TimeSpan.FromHours(2), self.Self, "two hours");
            self.SendAfter(TimeSpan.FromMinutes(1), self.Self, "a minute");
            self.SendAfter(TimeSpan.FromSeconds(5), self.Self, "five seconds");
            var seen = new List<string>();
            for (var i = 0; i < 3; i++) seen.Add($"{await self.Receive()} at {node.Time.GetUtcNow() - start}");
            return seen;
        }, timeout: TimeSpan.FromHours(3));
        Assert.Equal(["five seconds at 00:00:05", "a minute at 00:01:00", "two hours at 02:00:00"], log);
    }

    [Fact]
    public async Task Sleep_takes_virtual_time_and_sleepers_wake_in_order()
    {
        using var node = Node.StartDeterministic();
        var start = node.Time.GetUtcNow();
        var woke = await node.RunAsync(async self =>
        {
            var root = self.Self;
            foreach (var minutes in new[] { 30, 10, 20 })
                self.Spawn(async me =>
                {
                    await me.Sleep(TimeSpan.FromMinutes(minutes));
                    me.Send(root, $"{minutes} at {node.Time.GetUtcNow() - start}");
                });
            var seen = new List<object>();
            for (var i = 0; i < 3; i++) seen.Add(await self.Receive());
            return seen;
        });
        Assert.Equal(["10 at 00:10:00", "20 at 00:20:00", "30 at 00:30:00"], woke);
    }

    [Fact]
    public async Task RunForAsync_lets_virtual_time_pass_and_runs_what_becomes_due()
    {
        using var node = Node.StartDeterministic();
        var start = node.Time.GetUtcNow();
        var pid = node.Spawn(async self => await self.Receive(m => m is "never"));
        var timer = node.RunAsync(async self => self.SendAfter(TimeSpan.FromSeconds(5), pid, "tick"));
        await timer;
        await node.RunForAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(10), node.Time.GetUtcNow() - start);
        Assert.Equal(["tick"], node.MessagesOf(pid));
    }

    [Fact]
    public async Task The_clock_does_not_move_while_processes_have_work()
    {
        using var node = Node.StartDeterministic();
        var start = node.Time.GetUtcNow();
        var elapsed = await node.RunAsync(async self =>
        {
            self.SendAfter(TimeSpan.FromSeconds(1), self.Self, "late");
            for (var i = 0; i < 1000; i++) self.Send(self.Self, i);
            for (var i = 0; i < 1000; i++) await self.Receive(m => m is int);
            return node.Time.GetUtcNow() - start;
        });
        Assert.Equal(TimeSpan.Zero, elapsed);
    }

    [Fact]
    public async Task Negative_timeouts_are_rejected_and_infinity_is_not_negative()
    {
        using var node = Node.StartDeterministic();
        var errors = await node.RunAsync(async self =>
        {
            var caught = new List<string>();
            async Task Try(Func<Task> call)
            {
                try { await call(); }
                catch (ArgumentOutOfRangeException e) { caught.Add(e.ParamName!); }
            }
            await Try(async () => await self.Receive(_ => true, TimeSpan.FromMilliseconds(-5)));
            await Try(async () => await self.Sleep(TimeSpan.FromSeconds(-1)));
            await Try(async () => self.SendAfter(TimeSpan.FromTicks(-1), self.Self, "x"));
            self.SendAfter(TimeSpan.FromSeconds(1), self.Self, "x");
            caught.Add((string)(await self.Receive(_ => true, Timeout.InfiniteTimeSpan))!);
            return caught;
        });
        Assert.Equal(["timeout", "timeout", "delay", "x"], errors);
    }
}
