using System.Collections.Immutable;

namespace Otp.Crdts.Counters;

/// <summary>
/// A positive-negative counter (Lasp <c>state_pncounter</c>).
/// <list type="bullet">
/// <item>State: for each replica, its total increments and total decrements (two grow-only numbers).</item>
/// <item>Operations: <see cref="Increment"/>, <see cref="Decrement"/>; a delta is the replica's entry alone.</item>
/// <item>Merge: per replica and per component, the maximum.</item>
/// <item>Query: Σ (increments − decrements).</item>
/// </list>
/// Same as Lasp.
/// </summary>
public sealed class PNCounter : ICrdt<PNCounter, long>
{
    private PNCounter(ImmutableSortedDictionary<ReplicaId, (long Inc, long Dec)> entries) => Entries = entries;

    /// <summary>The counter at 0.</summary>
    public static PNCounter Empty { get; } = new(Order.EmptyDict<ReplicaId, (long, long)>());

    /// <summary>Each replica's increments and decrements.</summary>
    public ImmutableSortedDictionary<ReplicaId, (long Inc, long Dec)> Entries { get; }

    /// <summary>Σ (increments − decrements).</summary>
    public long Value => Entries.Values.Sum(e => e.Inc - e.Dec);

    /// <summary>Increments at <paramref name="replica"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive.</exception>
    public PNCounter Increment(ReplicaId replica, long by = 1) => new(Entries.SetItem(replica, Bumped(replica, GCounter.Positive(by), 0)));

    /// <summary>Decrements at <paramref name="replica"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive.</exception>
    public PNCounter Decrement(ReplicaId replica, long by = 1) => new(Entries.SetItem(replica, Bumped(replica, 0, GCounter.Positive(by))));

    /// <summary>The delta of <see cref="Increment"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive.</exception>
    public PNCounter IncrementDelta(ReplicaId replica, long by = 1) => new(Empty.Entries.Add(replica, Bumped(replica, GCounter.Positive(by), 0)));

    /// <summary>The delta of <see cref="Decrement"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive.</exception>
    public PNCounter DecrementDelta(ReplicaId replica, long by = 1) => new(Empty.Entries.Add(replica, Bumped(replica, 0, GCounter.Positive(by))));

    /// <summary>The increments of <paramref name="replica"/> minus its decrements.</summary>
    public long ValueAt(ReplicaId replica) => Entries.TryGetValue(replica, out var e) ? e.Inc - e.Dec : 0;

    private (long, long) Bumped(ReplicaId replica, long inc, long dec)
    {
        var (i, d) = Entries.GetValueOrDefault(replica);
        return (i + inc, d + dec);
    }

    /// <inheritdoc/>
    public PNCounter Merge(PNCounter other)
    {
        var r = Entries;
        foreach (var (k, (i, d)) in other.Entries)
        {
            var (mi, md) = r.GetValueOrDefault(k);
            r = r.SetItem(k, (Math.Max(i, mi), Math.Max(d, md)));
        }
        return new(r);
    }

    /// <inheritdoc/>
    public bool Equals(PNCounter? other) => other is not null && Structural.DictEquals(Entries, other.Entries);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PNCounter);
    /// <inheritdoc/>
    public override int GetHashCode() => Structural.DictHash(Entries);
    /// <summary>Lasp's text: <c>[{a,{2,0}},{b,{0,1}}]</c>.</summary>
    public override string ToString() => "[" + string.Join(",", Entries.Select(kv => $"{{{kv.Key},{{{kv.Value.Inc},{kv.Value.Dec}}}}}")) + "]";
}
