using System.Threading.Tasks.Sources;
using Otp.Processes;

namespace Otp;

public sealed partial class Process
{
    /// <summary>How many messages a process may take without waiting before it lets others run:
    /// a small-scale version of the BEAM's reduction budget.</summary>
    private const int ReductionBudget = 2000;

    /// <summary>
    /// Takes the oldest message, waiting as long as it takes for one to arrive.
    /// </summary>
    // Without a timeout the result is never null: the ValueTask is passed through as it is (no
    // async wrapper, which would cost an allocation and a continuation per receive that waits).
    public ValueTask<object> Receive() => ReceiveCore(null, System.Threading.Timeout.InfiniteTimeSpan, 0)!;

    /// <summary>
    /// Erlang's selective receive: takes the first message, in arrival order, that
    /// <paramref name="match"/> accepts, and leaves every other message where it is. Waits
    /// without limit for such a message.
    /// </summary>
    /// <param name="match">The patterns and guards of the receive, for example
    /// <c>m =&gt; m is Priority { Level: &gt; 10 }</c>. It must not have side effects: it is called
    /// once per message looked at.</param>
    /// <example><code>
    /// var msg = await self.Receive(m => m is Ping or Stop);
    /// switch (msg) { case Ping p: ...; case Stop: ...; }
    /// </code></example>
    public ValueTask<object> Receive(Func<object, bool> match) =>
        ReceiveCore(match, System.Threading.Timeout.InfiniteTimeSpan, 0)!;

    /// <summary>
    /// Selective receive with an <c>after</c> clause: as <see cref="Receive(Func{object, bool})"/>,
    /// but gives up after <paramref name="timeout"/> and then returns null.
    /// <see cref="TimeSpan.Zero"/> is Erlang's <c>after 0</c>: take a matching message if one is
    /// already there, otherwise return null at once. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// waits for ever.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other
    /// than <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>).</exception>
    public ValueTask<object?> Receive(Func<object, bool> match, TimeSpan timeout) => ReceiveCore(match, timeout, 0);

    /// <summary>Takes the first message of type <typeparamref name="T"/> that satisfies the optional
    /// <paramref name="guard"/>, waiting without limit.</summary>
    public async ValueTask<T> Receive<T>(Func<T, bool>? guard = null) =>
        (T)(await ReceiveCore(m => m is T t && (guard is null || guard(t)), System.Threading.Timeout.InfiniteTimeSpan, 0))!;

    /// <summary>Takes the first message of type <typeparamref name="T"/> that satisfies the optional
    /// <paramref name="guard"/>, giving up after <paramref name="timeout"/> (Erlang's <c>after</c>,
    /// with the same rules as <see cref="Receive(Func{object, bool}, TimeSpan)"/>).</summary>
    /// <returns>The message, or <c>default</c> (null) if none came in time. For a value type ask
    /// for its nullable form, <c>Receive&lt;int?&gt;(...)</c>, to tell the two apart.</returns>
    public async ValueTask<T?> Receive<T>(Func<T, bool>? guard, TimeSpan timeout) =>
        await ReceiveCore(m => m is T t && (guard is null || guard(t)), timeout, 0) is T found ? found : default;

    /// <summary>Takes the first message of type <typeparamref name="T"/>, giving up after
    /// <paramref name="timeout"/>; as <see cref="Receive{T}(Func{T, bool}?, TimeSpan)"/>.</summary>
    /// <returns>The message, or <c>default</c> (null) if none came in time.</returns>
    public ValueTask<T?> Receive<T>(TimeSpan timeout) => Receive<T>(null, timeout);

    /// <summary>
    /// Receives a reply tagged with <paramref name="tag"/>: as
    /// <see cref="Receive(Func{object, bool}, TimeSpan)"/>, but looks only at messages that arrived
    /// after <paramref name="tag"/> was made by this process, since no earlier message can carry it.
    /// The cost therefore does not grow with the backlog of unrelated messages. Use it with a
    /// <paramref name="match"/> that requires the tag.
    /// </summary>
    public ValueTask<object?> ReceiveReply(Ref tag, Func<object, bool> match, TimeSpan timeout) =>
        ReceiveCore(match, timeout, tag.MailboxMark);

    /// <summary>Waits for <paramref name="time"/>, taking no message (Erlang's <c>timer:sleep/1</c>).</summary>
    public async ValueTask Sleep(TimeSpan time) => await ReceiveCore(static _ => false, time, long.MaxValue);

    /// <summary>Removes and returns every message in the mailbox, oldest first, without waiting.</summary>
    public List<object> Flush()
    {
        ThrowIfExited();
        lock (_gate) _mailbox.Drain();
        return _mailbox.TakeAll();
    }

    /// <summary>Lets other processes run before this one continues (Erlang's <c>erlang:yield/0</c>).
    /// A long computation that never receives should call it now and then: .NET cannot preempt
    /// a running step the way the BEAM preempts a process that used up its reductions.</summary>
    public System.Runtime.CompilerServices.YieldAwaitable Yield()
    {
        ThrowIfExited();
        _reductions = 0;
        return Task.Yield();
    }

    private ValueTask<object?> ReceiveCore(Func<object, bool>? match, TimeSpan timeout, long fromSeq)
    {
        ThrowIfExited();
        if (timeout < TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout,
                "A timeout is zero or more, or Timeout.InfiniteTimeSpan (Erlang raises timeout_value).");
        if (_waiting) throw new InvalidOperationException("A process can wait in only one receive at a time; receive is for the process's own body.");
        // An unlocked look first: if a message lands in the inbox just after it, the check under
        // the lock below (before the process starts waiting) sees it and resumes the receive.
        if (!_mailbox.InboxEmpty) lock (_gate) _mailbox.Drain();
        var found = _mailbox.Find(match, null, fromSeq, out var scanned);
        if (found is not null && ++_reductions < ReductionBudget)
        {
            _mailbox.Remove(found);
            Node.Tracer?.Received(Self, found.Message);
            return new ValueTask<object?>(found.Message);
        }
        if (found is null && timeout == TimeSpan.Zero)
        {
            if (Node.Tracer is { } t && match is not null && fromSeq != long.MaxValue) t.Timeout(Self);
            return new ValueTask<object?>((object?)null);
        }

        _match = match;
        _fromSeq = fromSeq;
        _scanned = scanned;
        _receive.Reset();
        var yieldNow = found is not null;
        if (yieldNow) _reductions = 0;
        TimeoutToken? token = null;
        if (!yieldNow && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            // The timer starts before the process counts as waiting, so that it is set before any
            // other thread can resume the receive; if it fires that early, it only marks the timeout.
            token = new TimeoutToken(this);
            lock (_gate)
            {
                _timedOut = false;
                _timeoutToken = token;
            }
            _timer = Node.Time.CreateTimer(static s => ((TimeoutToken)s!).Fire(), token, timeout, System.Threading.Timeout.InfiniteTimeSpan);
        }
        bool schedule;
        lock (_gate)
        {
            if (token is null)
            {
                _timedOut = false;
                _timeoutToken = null;
            }
            _waiting = true;
            schedule = yieldNow || _timedOut || !_mailbox.InboxEmpty;
            if (schedule) _scheduled = true;
        }
        if (schedule) Node.Scheduler.Schedule(this);
        return new ValueTask<object?>(this, _receive.Version);
    }

    /// <summary>Identifies one receive's timeout, so that a timer that fires late cannot time
    /// out a later receive.</summary>
    private sealed class TimeoutToken(Process process)
    {
        public void Fire()
        {
            var schedule = false;
            lock (process._gate)
            {
                if (process._timeoutToken != this) return;
                process._timedOut = true;
                if (process._waiting && !process._scheduled) schedule = process._scheduled = true;
            }
            if (schedule) process.Node.Scheduler.Schedule(process);
        }
    }

    /// <summary>A wake-up: new messages, a timeout, or an exit. Runs on a scheduler thread.</summary>
    private void Resume()
    {
        while (true)
        {
            bool timedOut;
            ExitReason? dead;
            lock (_gate)
            {
                dead = _exitReason;
                if (!_waiting)
                {
                    _scheduled = false;
                    return;
                }
                _mailbox.Drain();
                timedOut = _timedOut;
            }
            if (dead is not null)
            {
                CompleteReceive(null, new ExitException(dead));
                return;
            }
            Envelope? found;
            try
            {
                found = _mailbox.Find(_match, _scanned, _fromSeq, out _scanned);
            }
            catch (Exception ex)
            {
                CompleteReceive(null, ex);
                return;
            }
            if (found is not null)
            {
                _mailbox.Remove(found);
                Node.Tracer?.Received(Self, found.Message);
                CompleteReceive(found.Message, null);
                return;
            }
            if (timedOut)
            {
                if (_fromSeq != long.MaxValue) Node.Tracer?.Timeout(Self);
                CompleteReceive(null, null);
                return;
            }
            lock (_gate)
            {
                if (_mailbox.InboxEmpty && _exitReason is null)
                {
                    _scheduled = false;
                    return;
                }
            }
        }
    }

    private void CompleteReceive(object? message, Exception? error)
    {
        _timer?.Dispose();
        _timer = null;
        _match = null;
        _scanned = null;
        lock (_gate)
        {
            _timeoutToken = null;
            _waiting = false;
            _scheduled = false;
        }
        if (error is null) _receive.SetResult(message);
        else _receive.SetException(error);
    }

    object? IValueTaskSource<object?>.GetResult(short token) => _receive.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<object?>.GetStatus(short token) => _receive.GetStatus(token);

    void IValueTaskSource<object?>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _receive.OnCompleted(continuation, state, token, flags);
}
