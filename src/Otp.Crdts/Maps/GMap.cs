using System.Collections.Immutable;

namespace Otp.Crdts.Maps;

/// <summary>
/// A grow-only map of nested CRDTs (Lasp <c>state_gmap</c>).
/// <list type="bullet">
/// <item>State: for each key, a CRDT of type <typeparamref name="TValue"/>.</item>
/// <item>Operations: <see cref="Apply"/> an operation to a key's value (a missing key starts at
/// <c>TValue.Empty</c>); its delta holds that key alone, with the nested delta. No remove.</item>
/// <item>Merge: union of keys; a key on both sides holds the merge of both values.</item>
/// <item>Query: the nested values by key (ask each one's <c>Value</c>).</item>
/// </list>
/// Same as Lasp, except that the value type is fixed by the C# type instead of per call.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The nested CRDT.</typeparam>
public sealed class GMap<TKey, TValue> : ICrdt<GMap<TKey, TValue>, ImmutableSortedDictionary<TKey, TValue>>
    where TKey : notnull where TValue : ICrdt<TValue>
{
    private GMap(ImmutableSortedDictionary<TKey, TValue> entries) => Value = entries;

    /// <summary>The empty map.</summary>
    public static GMap<TKey, TValue> Empty { get; } = new(Order.EmptyDict<TKey, TValue>());

    /// <summary>The nested values by key.</summary>
    public ImmutableSortedDictionary<TKey, TValue> Value { get; }

    /// <summary>The value under <paramref name="key"/>, or <c>TValue.Empty</c>.</summary>
    public TValue this[TKey key] => Value.TryGetValue(key, out var v) ? v : TValue.Empty;

    /// <summary>Applies <paramref name="operation"/> (a full mutator of the nested type) to the value under <paramref name="key"/>.</summary>
    public GMap<TKey, TValue> Apply(TKey key, Func<TValue, TValue> operation) => new(Value.SetItem(key, operation(this[key])));

    /// <summary>The delta of <see cref="Apply"/>: <paramref name="deltaOperation"/> (a delta mutator of the nested type) under <paramref name="key"/> alone.</summary>
    public GMap<TKey, TValue> ApplyDelta(TKey key, Func<TValue, TValue> deltaOperation) => new(Empty.Value.Add(key, deltaOperation(this[key])));

    /// <inheritdoc/>
    public GMap<TKey, TValue> Merge(GMap<TKey, TValue> other)
    {
        var r = Value;
        foreach (var (k, v) in other.Value)
            r = r.SetItem(k, r.TryGetValue(k, out var mine) ? mine.Merge(v) : v);
        return new(r);
    }

    /// <inheritdoc/>
    public bool Equals(GMap<TKey, TValue>? other) => other is not null && Structural.DictEquals(Value, other.Value);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as GMap<TKey, TValue>);
    /// <inheritdoc/>
    public override int GetHashCode() => Structural.DictHash(Value);
    /// <summary>Lasp's text: <c>[{k1,State},{k2,State}]</c>.</summary>
    public override string ToString() => Structural.Dict(Value);
}
