namespace Lab02.SelectiveReceive;

/// <summary>
/// Task 3: a mailbox with selective receive, built by you over a plain <see cref="Queue{T}"/>
/// (no lists, no linked lists, no indexing): the "save queue" idea of the BEAM, by hand.
/// </summary>
/// <typeparam name="T">The message type.</typeparam>
public sealed class SaveQueueMailbox<T>
{
    private Queue<T> _queue = new();
    private Queue<T> _save = new();

    /// <summary>Adds a message at the end.</summary>
    public void Post(T message) => _queue.Enqueue(message);

    /// <summary>
    /// Takes the first message, in arrival order, that <paramref name="match"/> accepts, and
    /// leaves every other message in its order. Looks at messages only up to the first match:
    /// <see cref="LastScan"/> then says how many it looked at (the match included), or all of
    /// them when nothing matched.
    /// </summary>
    /// <returns>True and the message, or false (and default) when no message matches.</returns>
    public bool TryReceive(Func<T, bool> match, out T message)
    {
        ArgumentNullException.ThrowIfNull(match);
        LastScan = 0;
        var found = false;
        message = default!;
        while (_queue.TryDequeue(out var next))
        {
            LastScan++;
            if (match(next))
            {
                message = next;
                found = true;
                break;
            }
            _save.Enqueue(next);
        }
        // The skipped messages go back in front of the ones not looked at, in their order.
        while (_queue.TryDequeue(out var rest)) _save.Enqueue(rest);
        (_queue, _save) = (_save, _queue);
        return found;
    }

    /// <summary>How many messages wait.</summary>
    public int Count => _queue.Count;

    /// <summary>How many messages the last <see cref="TryReceive"/> looked at.</summary>
    public int LastScan { get; private set; }

    /// <summary>The waiting messages, oldest first (a copy).</summary>
    public IReadOnlyList<T> Messages => [.. _queue];
}
