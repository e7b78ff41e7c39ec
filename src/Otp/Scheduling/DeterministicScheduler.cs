namespace Otp.Scheduling;

/// <summary>
/// Runs every step of every process on one dedicated thread, in a reproducible order, with a
/// virtual clock. When no step is ready and someone is waiting on the node (a test, a notebook
/// cell), the clock jumps to the next timer. Without a seed the ready steps run first come,
/// first served; with a seed the next step is picked at random from the ready ones, so different
/// seeds explore different (but each reproducible) interleavings.
/// </summary>
internal sealed class DeterministicScheduler : Scheduler
{
    private readonly Lock _gate = new();
    private readonly List<IThreadPoolWorkItem> _ready = [];
    private int _head;
    private readonly Random? _random;
    private readonly VirtualTimeProvider _clock;
    private readonly Thread _thread;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly List<(Task Done, DateTimeOffset Limit, TaskCompletionSource Signal)> _waiters = [];
    private volatile bool _disposed;

    private readonly bool _onlyWhileAwaited;

    /// <param name="seed">Null for first come, first served; else the seed of the order.</param>
    /// <param name="clock">The virtual clock.</param>
    /// <param name="onlyWhileAwaited">Run steps only while someone waits on the scheduler
    /// (<see cref="RunUntilAsync"/>), so that code outside it (a test setting up several nodes)
    /// never races with the steps it starts: the run is then the same whatever the timing of
    /// that code. A simulated network uses it.</param>
    public DeterministicScheduler(int? seed, VirtualTimeProvider clock, bool onlyWhileAwaited = false)
    {
        _random = seed is { } s ? new Random(s) : null;
        _clock = clock;
        _onlyWhileAwaited = onlyWhileAwaited;
        _thread = new Thread(Loop) { IsBackground = true, Name = "otp-deterministic" };
        _thread.Start();
    }

    public override TimeProvider Time => _clock;

    /// <summary>Exceptions that escaped a step or a timer (a bug in the runtime or in a
    /// continuation that was not a process); kept so that a deadlock report can name them.</summary>
    public List<Exception> Faults { get; } = [];

    /// <summary>The first fault, if any, read under the scheduler's lock.</summary>
    public override Exception? FirstFault
    {
        get { lock (_gate) return Faults.Count > 0 ? Faults[0] : null; }
    }

    public override void Schedule(IThreadPoolWorkItem step)
    {
        lock (_gate) _ready.Add(step);
        _wake.Release();
    }

    public override Task RunUntilAsync(Task done, TimeSpan? until)
    {
        var limit = until is { } d ? _clock.GetUtcNow() + d : DateTimeOffset.MaxValue;
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _waiters.Add((done, limit, signal));
        // Re-check when the awaited task completes: it may complete on the scheduler thread.
        done.ContinueWith(static (_, s) => ((SemaphoreSlim)s!).Release(), _wake, TaskScheduler.Default);
        _wake.Release();
        return signal.Task;
    }

    private bool Awaited
    {
        get { lock (_gate) return _waiters.Count > 0; }
    }

    private IThreadPoolWorkItem? Take()
    {
        lock (_gate)
        {
            var count = _ready.Count - _head;
            if (count == 0) return null;
            IThreadPoolWorkItem item;
            if (_random is null)
            {
                item = _ready[_head++];
                if (_head > 1024 && _head * 2 > _ready.Count)
                {
                    _ready.RemoveRange(0, _head);
                    _head = 0;
                }
            }
            else
            {
                var i = _head + _random.Next(count);
                item = _ready[i];
                _ready[i] = _ready[^1];
                _ready.RemoveAt(_ready.Count - 1);
            }
            if (_head == _ready.Count) { _ready.Clear(); _head = 0; }
            return item;
        }
    }

    private void Loop()
    {
        SynchronizationContext.SetSynchronizationContext(new Context(this));
        while (!_disposed)
        {
            if ((!_onlyWhileAwaited || Awaited) && Take() is { } step)
            {
                try { step.Execute(); }
                catch (Exception ex) { lock (_gate) Faults.Add(ex); }
                continue;
            }
            // Idle: release waiters whose condition holds, or let time pass for the earliest one.
            DateTimeOffset? limit = null;
            List<TaskCompletionSource>? release = null;
            lock (_gate)
            {
                // A step may have become ready since Take() found none, or a waiter may have come
                // with steps that were held back until someone waited: run them before deciding
                // that a waiter's task will never complete, or a run that can go on is reported
                // as a deadlock (seen: a spawn from outside, then its wait, "never" scheduled).
                if (_ready.Count > _head && (!_onlyWhileAwaited || _waiters.Count > 0)) continue;
                for (var i = _waiters.Count - 1; i >= 0; i--)
                {
                    var w = _waiters[i];
                    if (w.Done.IsCompleted || (_clock.NextDue is not { } next || next > w.Limit))
                    {
                        if (!w.Done.IsCompleted && w.Limit != DateTimeOffset.MaxValue) _clock.AdvanceTo(w.Limit);
                        (release ??= []).Add(w.Signal);
                        _waiters.RemoveAt(i);
                    }
                    else if (limit is null || w.Limit > limit) limit = w.Limit;
                }
            }
            release?.ForEach(s => s.TrySetResult());
            // A timer's callback runs here, outside any step: what it throws is a fault of the
            // node, reported like a step's, never an unhandled exception that ends the host.
            bool fired;
            try { fired = limit is { } l && _clock.FireNext(l); }
            catch (Exception ex) { lock (_gate) Faults.Add(ex); fired = true; }
            if (fired) continue;
            _wake.Wait(TimeSpan.FromMilliseconds(50));
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _disposed = true;
        _wake.Release();
    }

    private sealed class Context(DeterministicScheduler scheduler) : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state) => scheduler.Schedule(new Callback(d, state));

        public override void Send(SendOrPostCallback d, object? state) => d(state);

        public override SynchronizationContext CreateCopy() => this;
    }

    private sealed class Callback(SendOrPostCallback d, object? state) : IThreadPoolWorkItem
    {
        public void Execute() => d(state);
    }
}
