namespace Otp.Tests;

/// <summary>A receive's timeout belongs to that receive: a timer callback that runs late (already
/// on its way when the receive completed) must not time out a later receive.</summary>
public class ReceiveTimeoutRaceTests
{
    /// <summary>A clock whose timers fire only when the test says so, even after they were
    /// disposed: exactly what a real timer callback already in flight does.</summary>
    private sealed class HandFiredTime : TimeProvider
    {
        private readonly Lock _gate = new();
        private readonly List<Timer> _timers = [];

        public IReadOnlyList<Timer> Timers
        {
            get { lock (_gate) return [.. _timers]; }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var t = new Timer(callback, state);
            lock (_gate) _timers.Add(t);
            return t;
        }

        public sealed class Timer(TimerCallback callback, object? state) : ITimer
        {
            public bool Disposed { get; private set; }
            public void FireLate() => callback(state);
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;
            public void Dispose() => Disposed = true;
            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; !condition(); i++)
        {
            Assert.True(i < 3000, "condition not reached within 30 s");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_late_timer_cannot_time_out_a_later_receive(bool laterReceiveHasATimeout)
    {
        var time = new HandFiredTime();
        using var node = Node.Start(new NodeOptions { Time = time });
        var result = node.RunAsync(async self =>
        {
            self.Register("racer");
            var first = await self.Receive(m => m is "first", TimeSpan.FromSeconds(10));
            var second = await self.Receive(m => m is "second",
                laterReceiveHasATimeout ? TimeSpan.FromHours(1) : Timeout.InfiniteTimeSpan);
            return $"{first ?? "timeout"} {second ?? "timeout"}";
        }); // No limit here: the limit would be a timer on the hand-fired clock.

        await Until(() => time.Timers.Count == 1 && node.WhereIs("racer") is not null);
        var firstTimer = time.Timers[0];
        node.Send("racer", "first");
        await Until(() => firstTimer.Disposed);
        if (laterReceiveHasATimeout) await Until(() => time.Timers.Count == 2);
        else await Task.Delay(50, TestContext.Current.CancellationToken);

        firstTimer.FireLate();
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(result.IsCompleted, "the late timer ended the second receive");
        node.Send("racer", "second");
        Assert.Equal("first second", await result.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }
}
