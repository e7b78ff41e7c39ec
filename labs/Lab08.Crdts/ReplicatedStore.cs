namespace Lab08.Crdts;

/// <summary>
/// Task 4: a key-value store replicated on several in-process replicas that accept writes on
/// their own, drop each other's messages across a partition, and converge after the heal.
/// </summary>
public sealed class ReplicatedStore
{
    /// <summary>A store with one replica per name, all connected.</summary>
    /// <exception cref="ArgumentException">No names, or a name given twice.</exception>
    public ReplicatedStore(params string[] replicas) => throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/> at <paramref name="replica"/> only.</summary>
    /// <exception cref="KeyNotFoundException">No such replica.</exception>
    public void Put(string replica, string key, string value) => throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>Deletes <paramref name="key"/> at <paramref name="replica"/> (the writes it has seen).</summary>
    /// <exception cref="KeyNotFoundException">No such replica.</exception>
    public void Delete(string replica, string key) => throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>The values under <paramref name="key"/> at <paramref name="replica"/>: none, one, or several concurrent ones (sorted).</summary>
    /// <exception cref="KeyNotFoundException">No such replica.</exception>
    public IReadOnlyList<string> Get(string replica, string key) => throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>Cuts the replicas into <paramref name="parts"/>; messages cross no cut.</summary>
    /// <exception cref="ArgumentException">A replica is in no part, in two, or unknown.</exception>
    public void Partition(params string[][] parts) => throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>Reconnects every replica.</summary>
    public void Heal() => throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>One anti-entropy round: every replica merges the state every replica it can reach had at the start of the round.</summary>
    public void Sync() => throw new NotImplementedException("Task 4 is not written yet: see README, task 4");
}
