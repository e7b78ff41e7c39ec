namespace Otp.Scheduling;

/// <summary>
/// A clock that only moves when told to. Timers created on it fire when <see cref="FireNext"/>
/// moves the clock to their due time, so a thirty-second timeout costs no real time and always
/// fires at the same point of a run.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<(VirtualTimer Timer, long Version), (DateTimeOffset Due, long Seq)> _queue = new();
    private DateTimeOffset _now;
    private long _seq;

    /// <summary>Starts the clock at <paramref name="start"/> (by default 2000-01-01 UTC).</summary>
    public VirtualTimeProvider(DateTimeOffset? start = null) =>
        _now = start ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() { lock (_gate) return _now; }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override long GetTimestamp() { lock (_gate) return _now.UtcTicks; }

    /// <summary>When the next live timer is due, or null if none is pending.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                DropStale();
                return _queue.TryPeek(out _, out var key) ? key.Due : null;
            }
        }
    }

    /// <summary>
    /// Moves the clock to the earliest pending timer if it is due no later than
    /// <paramref name="limit"/>, and fires it. Returns false (and moves nothing) otherwise.
    /// </summary>
    public bool FireNext(DateTimeOffset limit)
    {
        VirtualTimer timer;
        lock (_gate)
        {
            DropStale();
            if (!_queue.TryPeek(out var entry, out var key) || key.Due > limit) return false;
            _queue.Dequeue();
            if (key.Due > _now) _now = key.Due;
            timer = entry.Timer;
            timer.Rearm(this);
        }
        timer.Fire();
        return true;
    }

    /// <summary>Moves the clock forward to <paramref name="time"/> without firing anything.
    /// Callers fire due timers first.</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        lock (_gate) if (time > _now) _now = time;
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void DropStale()
    {
        while (_queue.TryPeek(out var entry, out _) && entry.Version != entry.Timer.Version)
            _queue.Dequeue();
    }

    private void Arm(VirtualTimer timer, TimeSpan due)
    {
        // Caller holds _gate.
        _queue.Enqueue((timer, timer.Version), (_now + due, _seq++));
    }

    private sealed class VirtualTimer(VirtualTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = global::System.Threading.Timeout.InfiniteTimeSpan;
        public long Version;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                Version++;
                _period = period;
                if (dueTime != global::System.Threading.Timeout.InfiniteTimeSpan)
                    clock.Arm(this, dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            }
            return true;
        }

        /// <summary>Caller holds the clock's gate: a periodic timer queues its next firing.</summary>
        public void Rearm(VirtualTimeProvider c)
        {
            if (_period > TimeSpan.Zero && _period != global::System.Threading.Timeout.InfiniteTimeSpan) c.Arm(this, _period);
            else Version++;
        }

        public void Fire() => callback(state);

        public void Dispose() { lock (clock._gate) Version++; }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
