using System.Collections.Immutable;

namespace Otp.Crdts.Counters;

/// <summary>
/// A grow-only counter (Lasp <c>state_gcounter</c>).
/// <list type="bullet">
/// <item>State: for each replica, how much it has incremented.</item>
/// <item>Operations: <see cref="Increment"/> by a replica, only upward; its delta is that replica's entry alone.</item>
/// <item>Merge: per replica, the maximum.</item>
/// <item>Query: the sum.</item>
/// </list>
/// Same as Lasp.
/// </summary>
public sealed class GCounter : ICrdt<GCounter, long>
{
    private GCounter(ImmutableSortedDictionary<ReplicaId, long> entries) => Entries = entries;

    /// <summary>The counter at 0.</summary>
    public static GCounter Empty { get; } = new(Order.EmptyDict<ReplicaId, long>());

    /// <summary>Each replica's increments.</summary>
    public ImmutableSortedDictionary<ReplicaId, long> Entries { get; }

    /// <summary>The sum of every replica's increments.</summary>
    public long Value => Entries.Values.Sum();

    /// <summary>This counter incremented by <paramref name="by"/> at <paramref name="replica"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive: a grow-only counter cannot go down.</exception>
    public GCounter Increment(ReplicaId replica, long by = 1) => new(Entries.SetItem(replica, Entries.GetValueOrDefault(replica) + Positive(by)));

    /// <summary>The delta of <see cref="Increment"/>: only <paramref name="replica"/>'s new entry.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive.</exception>
    public GCounter IncrementDelta(ReplicaId replica, long by = 1) => new(Empty.Entries.Add(replica, Entries.GetValueOrDefault(replica) + Positive(by)));

    /// <inheritdoc/>
    public GCounter Merge(GCounter other) => new(MaxMerge(Entries, other.Entries));

    internal static ImmutableSortedDictionary<TKey, long> MaxMerge<TKey>(ImmutableSortedDictionary<TKey, long> a, ImmutableSortedDictionary<TKey, long> b) where TKey : notnull
    {
        foreach (var (k, v) in b)
            if (v > a.GetValueOrDefault(k)) a = a.SetItem(k, v);
        return a;
    }

    internal static long Positive(long by) =>
        by > 0 ? by : throw new ArgumentOutOfRangeException(nameof(by), by, "The amount must be positive.");

    /// <inheritdoc/>
    public bool Equals(GCounter? other) => other is not null && Structural.DictEquals(Entries, other.Entries);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as GCounter);
    /// <inheritdoc/>
    public override int GetHashCode() => Structural.DictHash(Entries);
    /// <summary>Lasp's text: <c>[{a,2},{b,1}]</c>.</summary>
    public override string ToString() => Structural.Dict(Entries);
}
