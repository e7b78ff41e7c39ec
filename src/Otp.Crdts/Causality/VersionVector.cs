using System.Collections.Immutable;

namespace Otp.Crdts.Causality;

/// <summary>
/// A version vector: for each replica, how many of its events have been seen, all of them
/// contiguous from 1. Merge is the pointwise maximum. It is the compressed part of a
/// <see cref="CausalContext"/>.
/// </summary>
public sealed class VersionVector : IEquatable<VersionVector>
{
    private readonly ImmutableSortedDictionary<ReplicaId, long> _entries;

    private VersionVector(ImmutableSortedDictionary<ReplicaId, long> entries) => _entries = entries;

    /// <summary>The vector that has seen nothing.</summary>
    public static VersionVector Empty { get; } = new(Order.EmptyDict<ReplicaId, long>());

    /// <summary>The entries, by replica; replicas not present count 0.</summary>
    public IReadOnlyDictionary<ReplicaId, long> Entries => _entries;

    /// <summary>How many of <paramref name="replica"/>'s events were seen (0 when none).</summary>
    public long this[ReplicaId replica] => _entries.GetValueOrDefault(replica);

    /// <summary>Whether <paramref name="dot"/> is covered: its counter is at most this replica's entry.</summary>
    public bool Contains(Dot dot) => dot.Counter <= this[dot.Replica];

    /// <summary>This vector with <paramref name="replica"/>'s entry set to <paramref name="counter"/>.</summary>
    public VersionVector With(ReplicaId replica, long counter) =>
        counter <= 0 ? new(_entries.Remove(replica)) : new(_entries.SetItem(replica, counter));

    /// <summary>The pointwise maximum.</summary>
    public VersionVector Merge(VersionVector other)
    {
        var r = _entries;
        foreach (var (k, v) in other._entries)
            if (v > r.GetValueOrDefault(k)) r = r.SetItem(k, v);
        return new(r);
    }

    /// <summary>Whether every entry here is at most the matching entry of <paramref name="other"/>.</summary>
    public bool LessOrEqual(VersionVector other) => _entries.All(kv => kv.Value <= other[kv.Key]);

    /// <inheritdoc/>
    public bool Equals(VersionVector? other) => other is not null && Structural.DictEquals(_entries, other._entries);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as VersionVector);
    /// <inheritdoc/>
    public override int GetHashCode() => Structural.DictHash(_entries);
    /// <summary>Erlang-like text: <c>[{a,4},{b,1}]</c>.</summary>
    public override string ToString() => Structural.Dict(_entries);
}
