using System.Collections.Immutable;

namespace Lab08.Crdts;

/// <summary>Task 1: a positive-negative counter. Immutable: every operation returns a new counter.</summary>
public sealed class PNCounter
{
    private PNCounter(ImmutableSortedDictionary<string, long> increments, ImmutableSortedDictionary<string, long> decrements)
    {
        Increments = increments;
        Decrements = decrements;
    }

    /// <summary>The counter at 0.</summary>
    public static PNCounter Empty { get; } = new(ImmutableSortedDictionary.Create<string, long>(StringComparer.Ordinal), ImmutableSortedDictionary.Create<string, long>(StringComparer.Ordinal));

    /// <summary>Each replica's total increments.</summary>
    public ImmutableSortedDictionary<string, long> Increments { get; }

    /// <summary>Each replica's total decrements.</summary>
    public ImmutableSortedDictionary<string, long> Decrements { get; }

    /// <summary>Σ increments − Σ decrements.</summary>
    public long Value => throw new NotImplementedException("Task 1 is not written yet: see README, task 1");

    /// <summary>Adds <paramref name="by"/> at <paramref name="replica"/>.</summary>
    public PNCounter Increment(string replica, long by = 1) => throw new NotImplementedException("Task 1 is not written yet: see README, task 1");

    /// <summary>Subtracts <paramref name="by"/> at <paramref name="replica"/>.</summary>
    public PNCounter Decrement(string replica, long by = 1) => throw new NotImplementedException("Task 1 is not written yet: see README, task 1");

    /// <summary>The join: per replica, the larger total of each kind.</summary>
    public PNCounter Merge(PNCounter other) => throw new NotImplementedException("Task 1 is not written yet: see README, task 1");
}
