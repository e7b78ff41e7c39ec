namespace Otp.Processes;

/// <summary>
/// A process's messages, in arrival order. Two parts, as in the BEAM: an inbox that senders
/// append to under the owner's lock, and the queue the owner scans without any lock. A receive
/// first moves the inbox to the end of the queue in one step, then looks for the first message
/// that matches. Messages that do not match stay where they are (the "save queue").
/// </summary>
internal struct Mailbox
{
    // Inbox: guarded by the owning process's lock.
    private Envelope? _inHead, _inTail;
    private long _nextSeq;

    // Queue: touched only by the owning process (or under its lock once it is dead).
    private Envelope? _head, _tail;
    public int QueueCount;
    public int InboxCount;

    /// <summary>The sequence number the next posted message will get. Safe to read without the
    /// lock: a stale value is lower, which only makes a reference's mark more cautious.</summary>
    public long NextSeq => Volatile.Read(ref _nextSeq);

    public readonly bool InboxEmpty => _inHead is null;

    /// <summary>Appends a message. Caller holds the owner's lock.</summary>
    public void Post(object message)
    {
        var e = new Envelope(message, _nextSeq);
        Volatile.Write(ref _nextSeq, _nextSeq + 1);
        if (_inTail is null) _inHead = e;
        else
        {
            _inTail.Next = e;
            e.Prev = _inTail;
        }
        _inTail = e;
        InboxCount++;
    }

    /// <summary>Moves every inbox message to the end of the queue. Caller holds the owner's lock.</summary>
    public void Drain()
    {
        if (_inHead is null) return;
        if (_tail is null) _head = _inHead;
        else
        {
            _tail.Next = _inHead;
            _inHead.Prev = _tail;
        }
        _tail = _inTail;
        QueueCount += InboxCount;
        InboxCount = 0;
        _inHead = _inTail = null;
    }

    /// <summary>
    /// The first queued message after <paramref name="after"/> (or from the start when null) with a
    /// sequence number of at least <paramref name="fromSeq"/> that <paramref name="match"/> accepts.
    /// <paramref name="lastSeen"/> is the last message looked at, so that a later scan can resume
    /// there instead of starting over.
    /// </summary>
    public readonly Envelope? Find(Func<object, bool>? match, Envelope? after, long fromSeq, out Envelope? lastSeen)
    {
        var e = after is not null ? after.Next : StartAt(fromSeq);
        lastSeen = after;
        for (; e is not null; e = e.Next)
        {
            if (match is null || match(e.Message)) return e;
            lastSeen = e;
        }
        return null;
    }

    /// <summary>The first message with sequence at least <paramref name="fromSeq"/>. Walks back
    /// from the tail, so it costs only as much as the messages newer than the mark.</summary>
    private readonly Envelope? StartAt(long fromSeq)
    {
        if (fromSeq == 0 || _head is null || _head.Seq >= fromSeq) return _head;
        var e = _tail;
        if (e is null || e.Seq < fromSeq) return null;
        while (e.Prev is { } p && p.Seq >= fromSeq) e = p;
        return e;
    }

    /// <summary>Takes <paramref name="e"/> out of the queue.</summary>
    public void Remove(Envelope e)
    {
        if (e.Prev is null) _head = e.Next; else e.Prev.Next = e.Next;
        if (e.Next is null) _tail = e.Prev; else e.Next.Prev = e.Prev;
        e.Next = e.Prev = null;
        QueueCount--;
    }

    /// <summary>Removes and returns every queued message (Erlang's flush), in order.</summary>
    public List<object> TakeAll()
    {
        var list = new List<object>(QueueCount);
        for (var e = _head; e is not null; e = e.Next) list.Add(e.Message);
        _head = _tail = null;
        QueueCount = 0;
        return list;
    }

    /// <summary>Removes every queued message that <paramref name="match"/> accepts.</summary>
    public void RemoveAll(Func<object, bool> match)
    {
        for (var e = _head; e is not null;)
        {
            var next = e.Next;
            if (match(e.Message)) Remove(e);
            e = next;
        }
    }

    /// <summary>A copy of the queued messages, oldest first (for inspection only).</summary>
    public readonly List<object> Snapshot()
    {
        var list = new List<object>();
        for (var e = _head; e is not null; e = e.Next) list.Add(e.Message);
        for (var e = _inHead; e is not null; e = e.Next) list.Add(e.Message);
        return list;
    }

    public void Clear()
    {
        _head = _tail = _inHead = _inTail = null;
        QueueCount = InboxCount = 0;
    }
}
