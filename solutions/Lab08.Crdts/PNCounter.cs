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
    public long Value => Increments.Values.Sum() - Decrements.Values.Sum();

    /// <summary>Adds <paramref name="by"/> at <paramref name="replica"/>.</summary>
    public PNCounter Increment(string replica, long by = 1) => new(Bump(Increments, replica, by), Decrements);

    /// <summary>Subtracts <paramref name="by"/> at <paramref name="replica"/>.</summary>
    public PNCounter Decrement(string replica, long by = 1) => new(Increments, Bump(Decrements, replica, by));

    /// <summary>The join: per replica, the larger total of each kind.</summary>
    public PNCounter Merge(PNCounter other) => new(Max(Increments, other.Increments), Max(Decrements, other.Decrements));

    private static ImmutableSortedDictionary<string, long> Bump(ImmutableSortedDictionary<string, long> d, string replica, long by) =>
        by > 0 ? d.SetItem(replica, d.GetValueOrDefault(replica) + by) : throw new ArgumentOutOfRangeException(nameof(by), by, "Counts go up by a positive amount.");

    private static ImmutableSortedDictionary<string, long> Max(ImmutableSortedDictionary<string, long> a, ImmutableSortedDictionary<string, long> b)
    {
        foreach (var (k, v) in b)
            if (v > a.GetValueOrDefault(k)) a = a.SetItem(k, v);
        return a;
    }
}
