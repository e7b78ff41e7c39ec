namespace Lab02.SelectiveReceive;

/// <summary>
/// Task 3: a mailbox with selective receive, built by you over a plain <see cref="Queue{T}"/>
/// (no lists, no linked lists, no indexing): the "save queue" idea of the BEAM, by hand.
/// </summary>
/// <typeparam name="T">The message type.</typeparam>
public sealed class SaveQueueMailbox<T>
{
    /// <summary>Adds a message at the end.</summary>
    public void Post(T message) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");

    /// <summary>
    /// Takes the first message, in arrival order, that <paramref name="match"/> accepts, and
    /// leaves every other message in its order. Looks at messages only up to the first match:
    /// <see cref="LastScan"/> then says how many it looked at (the match included), or all of
    /// them when nothing matched.
    /// </summary>
    /// <returns>True and the message, or false (and default) when no message matches.</returns>
    public bool TryReceive(Func<T, bool> match, out T message) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");

    /// <summary>How many messages wait.</summary>
    public int Count => throw new NotImplementedException("Task 3 is not written yet: see README, task 3");

    /// <summary>How many messages the last <see cref="TryReceive"/> looked at.</summary>
    public int LastScan => throw new NotImplementedException("Task 3 is not written yet: see README, task 3");

    /// <summary>The waiting messages, oldest first (a copy).</summary>
    public IReadOnlyList<T> Messages => throw new NotImplementedException("Task 3 is not written yet: see README, task 3");
}
