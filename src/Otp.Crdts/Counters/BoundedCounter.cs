using System.Collections.Immutable;

namespace Otp.Crdts.Counters;

/// <summary>
/// A bounded counter that never goes below 0 (Lasp <c>state_bcounter</c>; Balegas et al., "Extending
/// eventually consistent cloud databases for enforcing numeric invariants").
/// <list type="bullet">
/// <item>State: a <see cref="PNCounter"/> plus, for each (from, to) pair of replicas, the total rights
/// moved from one to the other (a grow-only number per pair).</item>
/// <item>Operations: <see cref="Increment"/> (always allowed, creates rights at that replica);
/// <see cref="Decrement"/> and <see cref="Move"/> only within the replica's rights, otherwise
/// <see cref="InsufficientRightsException"/> and nothing changes. Rights(r) = inc(r) − dec(r) + moved to r − moved from r.
/// Since every replica spends only its own rights, the merged value never goes below 0.</item>
/// <item>Merge: the PN-counters merged; each pair's moved total is the maximum.</item>
/// <item>Query: the PN-counter's value; moves do not change it.</item>
/// </list>
/// Differs from Lasp: in types 0.1.8 the moved totals are bare integers inside a <c>state_gmap</c>
/// that expects tagged CRDT values, so any merge where both sides hold the same (from, to) entry
/// crashes with <c>function_clause</c> (even <c>merge(X, X)</c>). Here each pair is a plain
/// maximum, which is what the GMap was meant to compute.
/// </summary>
public sealed class BoundedCounter : ICrdt<BoundedCounter, long>
{
    private BoundedCounter(PNCounter counter, ImmutableSortedDictionary<(ReplicaId From, ReplicaId To), long> moved)
    {
        Counter = counter;
        Moved = moved;
    }

    /// <summary>The counter at 0 with no rights anywhere.</summary>
    public static BoundedCounter Empty { get; } = new(PNCounter.Empty, ImmutableSortedDictionary.Create<(ReplicaId, ReplicaId), long>());

    /// <summary>The increments and decrements.</summary>
    public PNCounter Counter { get; }

    /// <summary>The rights moved, by (from, to).</summary>
    public ImmutableSortedDictionary<(ReplicaId From, ReplicaId To), long> Moved { get; }

    /// <summary>The counter's value (moves do not change it).</summary>
    public long Value => Counter.Value;

    /// <summary>How many decrements <paramref name="replica"/> may make, or how many rights it may give away.</summary>
    public long Rights(ReplicaId replica) =>
        Counter.ValueAt(replica) + Moved.Where(kv => kv.Key.To == replica).Sum(kv => kv.Value) - Moved.Where(kv => kv.Key.From == replica).Sum(kv => kv.Value);

    /// <summary>Increments at <paramref name="replica"/>, which gains as many rights.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive.</exception>
    public BoundedCounter Increment(ReplicaId replica, long by = 1) => new(Counter.Increment(replica, by), Moved);

    /// <summary>The delta of <see cref="Increment"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive.</exception>
    public BoundedCounter IncrementDelta(ReplicaId replica, long by = 1) => new(Counter.IncrementDelta(replica, by), Empty.Moved);

    /// <summary>Decrements at <paramref name="replica"/>, spending its rights.</summary>
    /// <exception cref="InsufficientRightsException"><paramref name="replica"/> holds fewer than <paramref name="by"/> rights.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive.</exception>
    public BoundedCounter Decrement(ReplicaId replica, long by = 1) => new(Counter.Decrement(replica, Check(replica, by)), Moved);

    /// <summary>The delta of <see cref="Decrement"/>.</summary>
    /// <exception cref="InsufficientRightsException"><paramref name="replica"/> holds fewer than <paramref name="by"/> rights.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive.</exception>
    public BoundedCounter DecrementDelta(ReplicaId replica, long by = 1) => new(Counter.DecrementDelta(replica, Check(replica, by)), Empty.Moved);

    /// <summary>Gives <paramref name="by"/> of <paramref name="from"/>'s rights to <paramref name="to"/> (Lasp's <c>{move, N, To}</c> by <c>From</c>).</summary>
    /// <exception cref="InsufficientRightsException"><paramref name="from"/> holds fewer than <paramref name="by"/> rights.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="from"/> and <paramref name="to"/> are the same replica.</exception>
    public BoundedCounter Move(ReplicaId from, ReplicaId to, long by = 1) => new(Counter, Moved.SetItem((from, to), MovedAfter(from, to, by)));

    /// <summary>The delta of <see cref="Move"/>: the new total for (from, to) alone.</summary>
    /// <exception cref="InsufficientRightsException"><paramref name="from"/> holds fewer than <paramref name="by"/> rights.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="from"/> and <paramref name="to"/> are the same replica.</exception>
    public BoundedCounter MoveDelta(ReplicaId from, ReplicaId to, long by = 1) => new(PNCounter.Empty, Empty.Moved.Add((from, to), MovedAfter(from, to, by)));

    private long MovedAfter(ReplicaId from, ReplicaId to, long by)
    {
        if (from == to) throw new ArgumentException($"Replica {from} cannot move rights to itself.", nameof(to));
        return Moved.GetValueOrDefault((from, to)) + Check(from, by);
    }

    private long Check(ReplicaId replica, long by)
    {
        GCounter.Positive(by);
        var rights = Rights(replica);
        return rights >= by ? by : throw new InsufficientRightsException(replica, rights, by);
    }

    /// <inheritdoc/>
    public BoundedCounter Merge(BoundedCounter other) => new(Counter.Merge(other.Counter), GCounter.MaxMerge(Moved, other.Moved));

    /// <inheritdoc/>
    public bool Equals(BoundedCounter? other) => other is not null && Counter.Equals(other.Counter) && Structural.DictEquals(Moved, other.Moved);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BoundedCounter);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Counter, Structural.DictHash(Moved));
    /// <summary>Lasp-like text: <c>{PNCounter, [{{From,To},N}]}</c>.</summary>
    public override string ToString() => "{" + Counter + ",[" + string.Join(",", Moved.Select(kv => $"{{{{{kv.Key.From},{kv.Key.To}}},{kv.Value}}}")) + "]}";
}
