using System.Collections.Immutable;
using Otp.Crdts.Causality;

namespace Otp.Crdts.Sets;

/// <summary>
/// An observed-remove set with tombstones (Lasp <c>state_orset</c>; Shapiro et al. 2011). Add wins
/// over a concurrent remove.
/// <list type="bullet">
/// <item>State: for each element, its add tokens, each active (true) or removed (false). Removed
/// tokens stay for ever: the tombstones.</item>
/// <item>Operations: <see cref="Add"/> makes a new active token; <see cref="Remove"/> turns every
/// token it has seen for the element to false. Deltas hold the element's touched tokens only.</item>
/// <item>Merge: union of tokens; a token stays active only if active on both sides where both have it.</item>
/// <item>Query: the elements with an active token.</item>
/// </list>
/// Differs from Lasp in the token: Lasp draws 20 random bytes; here a token is a <see cref="Dot"/>
/// (the replica and its count of adds), unique by construction and printable, so runs replay.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ORSet<T> : ICrdt<ORSet<T>, ImmutableSortedSet<T>> where T : notnull
{
    private ORSet(ImmutableSortedDictionary<T, ImmutableSortedDictionary<Dot, bool>> entries) => Entries = entries;

    /// <summary>The empty set.</summary>
    public static ORSet<T> Empty { get; } = new(Order.EmptyDict<T, ImmutableSortedDictionary<Dot, bool>>());

    private static readonly ImmutableSortedDictionary<Dot, bool> NoTokens = Order.EmptyDict<Dot, bool>();

    /// <summary>Each element's tokens: true while active, false once removed (a tombstone).</summary>
    public ImmutableSortedDictionary<T, ImmutableSortedDictionary<Dot, bool>> Entries { get; }

    /// <summary>The elements with at least one active token.</summary>
    public ImmutableSortedSet<T> Value => Order<T>.EmptySet.Union(Entries.Where(kv => kv.Value.ContainsValue(true)).Select(kv => kv.Key));

    /// <summary>How many removed tokens the state carries: the price of this type.</summary>
    public int Tombstones => Entries.Values.Sum(t => t.Count(kv => !kv.Value));

    /// <summary>Adds <paramref name="element"/> with a new token from <paramref name="replica"/>.</summary>
    public ORSet<T> Add(ReplicaId replica, T element) => Merge(AddDelta(replica, element));

    /// <summary>The delta of <see cref="Add"/>: the new active token.</summary>
    public ORSet<T> AddDelta(ReplicaId replica, T element)
    {
        var next = Entries.Values.SelectMany(t => t.Keys).Where(d => d.Replica == replica).Select(d => d.Counter).DefaultIfEmpty(0).Max() + 1;
        return new(Empty.Entries.Add(element, NoTokens.Add(new Dot(replica, next), true)));
    }

    /// <summary>Removes <paramref name="element"/>: every token seen becomes a tombstone. Removing an absent element changes nothing.</summary>
    public ORSet<T> Remove(T element) => Merge(RemoveDelta(element));

    /// <summary>The delta of <see cref="Remove"/>: the element's tokens, all false.</summary>
    public ORSet<T> RemoveDelta(T element) =>
        Entries.TryGetValue(element, out var tokens)
            ? new(Empty.Entries.Add(element, NoTokens.AddRange(tokens.Keys.Select(d => KeyValuePair.Create(d, false)))))
            : Empty;

    /// <inheritdoc/>
    public ORSet<T> Merge(ORSet<T> other)
    {
        var r = Entries;
        foreach (var (e, theirs) in other.Entries)
        {
            var mine = r.GetValueOrDefault(e) ?? NoTokens;
            foreach (var (d, active) in theirs)
                mine = mine.SetItem(d, mine.TryGetValue(d, out var a) ? a && active : active);
            r = r.SetItem(e, mine);
        }
        return new(r);
    }

    /// <inheritdoc/>
    public bool Equals(ORSet<T>? other)
    {
        if (other is null || Entries.Count != other.Entries.Count) return false;
        foreach (var (e, t) in Entries)
            if (!other.Entries.TryGetValue(e, out var u) || !Structural.DictEquals(t, u)) return false;
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ORSet<T>);
    /// <inheritdoc/>
    public override int GetHashCode() => Entries.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, Structural.DictHash(kv.Value)));
    /// <summary>Lasp's text: <c>[{baz,[{{a,4},false}]}, ...]</c>.</summary>
    public override string ToString() => "[" + string.Join(",", Entries.Select(kv => "{" + Structural.Term(kv.Key) + "," + Structural.Dict(kv.Value) + "}")) + "]";
}
