namespace Otp;

/// <summary>A timer started by <see cref="Process.SendAfter"/>; pass it to
/// <see cref="Process.CancelTimer"/> to stop it.</summary>
public sealed class TimerRef
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _due;
    private ITimer? _timer;
    private bool _done;

    internal TimerRef(TimeProvider time, TimeSpan delay)
    {
        _time = time;
        _due = time.GetUtcNow() + delay;
    }

    internal void Arm(ITimer timer)
    {
        lock (_gate)
        {
            if (_done) timer.Dispose();
            else _timer = timer;
        }
    }

    /// <summary>Marks the timer fired; false if it was cancelled first.</summary>
    internal bool TryFire()
    {
        lock (_gate)
        {
            if (_done) return false;
            _done = true;
            _timer?.Dispose();
            return true;
        }
    }

    internal TimeSpan? Cancel()
    {
        lock (_gate)
        {
            if (_done) return null;
            _done = true;
            _timer?.Dispose();
        }
        var left = _due - _time.GetUtcNow();
        return left < TimeSpan.Zero ? TimeSpan.Zero : left;
    }
}
