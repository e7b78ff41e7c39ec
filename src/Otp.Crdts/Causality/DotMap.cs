using System.Collections.Immutable;

namespace Otp.Crdts.Causality;

/// <summary>
/// A map from keys to dot stores sharing one causal context: the store of add-wins sets (element to
/// <see cref="DotSet"/>) and add-wins maps (key to the nested value's store). A key whose store
/// becomes empty disappears, which is how removes leave no tombstone.
/// </summary>
/// <typeparam name="TKey">The keys.</typeparam>
public sealed class DotMap<TKey> : DotStore where TKey : notnull
{
    private readonly DotStore _emptyValue;

    private DotMap(ImmutableSortedDictionary<TKey, DotStore> entries, DotStore emptyValue)
    {
        Entries = entries;
        _emptyValue = emptyValue;
    }

    /// <summary>An empty map whose values are stores of the kind of <paramref name="emptyValue"/>.</summary>
    public static DotMap<TKey> Empty(DotStore emptyValue) => new(Order.EmptyDict<TKey, DotStore>(), emptyValue);

    /// <summary>The non-empty stores, by key.</summary>
    public ImmutableSortedDictionary<TKey, DotStore> Entries { get; }

    /// <summary>The store under <paramref name="key"/>, or an empty one.</summary>
    public DotStore this[TKey key] => Entries.GetValueOrDefault(key) ?? _emptyValue;

    /// <summary>This map with <paramref name="key"/> bound to <paramref name="store"/> (removed if it is empty).</summary>
    public DotMap<TKey> With(TKey key, DotStore store) =>
        new(store.IsEmpty ? Entries.Remove(key) : Entries.SetItem(key, store), _emptyValue);

    /// <inheritdoc/>
    public override bool IsEmpty => Entries.IsEmpty;
    /// <inheritdoc/>
    public override IEnumerable<Dot> Dots => Entries.Values.SelectMany(v => v.Dots);
    /// <inheritdoc/>
    public override DotStore EmptyLike() => Empty(_emptyValue);

    /// <inheritdoc/>
    public override DotStore Join(CausalContext mine, DotStore other, CausalContext theirs)
    {
        var o = Same<DotMap<TKey>>(other);
        var result = Empty(_emptyValue);
        foreach (var key in Entries.Keys.Union(o.Entries.Keys))
            result = result.With(key, this[key].Join(mine, o[key], theirs));
        return result;
    }

    /// <inheritdoc/>
    public override bool Equals(DotStore? other) => other is DotMap<TKey> o && Structural.DictEquals(Entries, o.Entries);
    /// <inheritdoc/>
    public override int GetHashCode() => Structural.DictHash(Entries);
    /// <summary>Lasp's text: <c>[{bar,[{a,2}]},{foo,[{a,3}]}]</c>.</summary>
    public override string ToString() => Structural.Dict(Entries);
}
