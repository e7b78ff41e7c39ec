using System.Collections.Immutable;

namespace Otp.Crdts.Counters;

/// <summary>
/// A lexicographic counter (Lasp <c>state_lexcounter</c>, Almeida et al. §7.3): a counter that goes
/// down with one number per replica instead of two.
/// <list type="bullet">
/// <item>State: for each replica a pair (L, R), R being its contribution.</item>
/// <item>Operations: <see cref="Increment"/> gives (L, R+n); <see cref="Decrement"/> gives (L+1, R−n).
/// Bumping L is what makes a decrement an inflation: a pair is newer when its L is higher.</item>
/// <item>Merge: per replica, the lexicographically larger pair (higher L; equal L, higher R).</item>
/// <item>Query: Σ R.</item>
/// </list>
/// Same as Lasp.
/// </summary>
public sealed class LexCounter : ICrdt<LexCounter, long>
{
    private LexCounter(ImmutableSortedDictionary<ReplicaId, (long L, long R)> entries) => Entries = entries;

    /// <summary>The counter at 0.</summary>
    public static LexCounter Empty { get; } = new(Order.EmptyDict<ReplicaId, (long, long)>());

    /// <summary>Each replica's (L, R) pair.</summary>
    public ImmutableSortedDictionary<ReplicaId, (long L, long R)> Entries { get; }

    /// <summary>Σ R.</summary>
    public long Value => Entries.Values.Sum(e => e.R);

    /// <summary>Adds <paramref name="by"/> to <paramref name="replica"/>'s R.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive.</exception>
    public LexCounter Increment(ReplicaId replica, long by = 1) => new(Entries.SetItem(replica, Inc(replica, by)));

    /// <summary>Subtracts <paramref name="by"/> from <paramref name="replica"/>'s R and bumps its L.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive.</exception>
    public LexCounter Decrement(ReplicaId replica, long by = 1) => new(Entries.SetItem(replica, Dec(replica, by)));

    /// <summary>The delta of <see cref="Increment"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive.</exception>
    public LexCounter IncrementDelta(ReplicaId replica, long by = 1) => new(Empty.Entries.Add(replica, Inc(replica, by)));

    /// <summary>The delta of <see cref="Decrement"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive.</exception>
    public LexCounter DecrementDelta(ReplicaId replica, long by = 1) => new(Empty.Entries.Add(replica, Dec(replica, by)));

    private (long, long) Inc(ReplicaId r, long by) { var (l, v) = Entries.GetValueOrDefault(r); return (l, v + GCounter.Positive(by)); }
    private (long, long) Dec(ReplicaId r, long by) { var (l, v) = Entries.GetValueOrDefault(r); return (l + 1, v - GCounter.Positive(by)); }

    /// <inheritdoc/>
    public LexCounter Merge(LexCounter other)
    {
        var r = Entries;
        foreach (var (k, theirs) in other.Entries)
            if (!r.TryGetValue(k, out var mine) || theirs.L > mine.L || (theirs.L == mine.L && theirs.R > mine.R))
                r = r.SetItem(k, theirs);
        return new(r);
    }

    /// <inheritdoc/>
    public bool Equals(LexCounter? other) => other is not null && Structural.DictEquals(Entries, other.Entries);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LexCounter);
    /// <inheritdoc/>
    public override int GetHashCode() => Structural.DictHash(Entries);
    /// <summary>Lasp's text: <c>[{a,{1,1}}]</c>.</summary>
    public override string ToString() => "[" + string.Join(",", Entries.Select(kv => $"{{{kv.Key},{{{kv.Value.L},{kv.Value.R}}}}}")) + "]";
}
