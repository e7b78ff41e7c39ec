using System.Collections.Immutable;
using Otp.Crdts.Causality;

namespace Otp.Crdts.Maps;

/// <summary>
/// An add-wins map of nested causal CRDTs (Lasp <c>state_awmap</c>; Almeida et al.'s ORMap).
/// <list type="bullet">
/// <item>State: a <see cref="DotMap{TKey}"/> from each key to its value's dot store, and one causal
/// context shared by every value, so a nested update's dots are unique in the whole map.</item>
/// <item>Operations: <see cref="Apply"/> an operation of the nested type to a key's value;
/// <see cref="Remove"/> a key, which drops the dots it has seen under that key. The delta of an
/// apply is the nested delta under that key; of a remove, no store and a context of the key's dots.</item>
/// <item>Merge: causal, key by key with the shared context. A key present on one side and never seen
/// on the other comes in; a remove concurrent with an update keeps the update's new dots (add wins).</item>
/// <item>Query: the nested values by key.</item>
/// </list>
/// Same as Lasp (whose default value type is an add-wins set; here the value type is a type parameter).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The nested causal CRDT: <see cref="Sets.AWSet{T}"/>, <see cref="Registers.MVRegister{T}"/>, <see cref="Flags.EWFlag"/>, another map...</typeparam>
public sealed class AWMap<TKey, TValue> : CausalCrdt<AWMap<TKey, TValue>>, ICausalCrdt<AWMap<TKey, TValue>>, ICrdt<AWMap<TKey, TValue>, ImmutableSortedDictionary<TKey, TValue>>
    where TKey : notnull where TValue : ICausalCrdt<TValue>
{
    private AWMap(DotStore store, CausalContext context) : base(store, context) { }

    /// <summary>The empty map.</summary>
    public static AWMap<TKey, TValue> Empty { get; } = new(EmptyStore, CausalContext.Empty);

    /// <inheritdoc/>
    public static DotStore EmptyStore => DotMap<TKey>.Empty(TValue.EmptyStore);

    /// <inheritdoc/>
    public static AWMap<TKey, TValue> FromState(DotStore store, CausalContext context) =>
        store is DotMap<TKey> ? new(store, context) : throw new ArgumentException($"An AWMap needs a DotMap<{typeof(TKey).Name}>, not a {store.GetType().Name}.", nameof(store));

    private DotMap<TKey> Map => (DotMap<TKey>)Store;

    /// <summary>The keys present, sorted.</summary>
    public ImmutableSortedSet<TKey> Keys => Order<TKey>.EmptySet.Union(Map.Entries.Keys);

    /// <summary>The value under <paramref name="key"/> (empty when absent), seen with the map's whole context.</summary>
    public TValue this[TKey key] => TValue.FromState(Map[key], Context);

    /// <summary>The nested values by key.</summary>
    public ImmutableSortedDictionary<TKey, TValue> Value =>
        Order.EmptyDict<TKey, TValue>().AddRange(Map.Entries.Keys.Select(k => KeyValuePair.Create(k, this[k])));

    /// <summary>Applies <paramref name="operation"/> (a full mutator of the nested type) to the value under <paramref name="key"/>.</summary>
    public AWMap<TKey, TValue> Apply(TKey key, Func<TValue, TValue> operation)
    {
        var v = operation(this[key]);
        return new(Map.With(key, v.Store), Context.Merge(v.Context));
    }

    /// <summary>The delta of <see cref="Apply"/>: <paramref name="deltaOperation"/> (a delta mutator of the nested type) under <paramref name="key"/>.</summary>
    public AWMap<TKey, TValue> ApplyDelta(TKey key, Func<TValue, TValue> deltaOperation)
    {
        var d = deltaOperation(this[key]);
        return new(DotMap<TKey>.Empty(TValue.EmptyStore).With(key, d.Store), d.Context);
    }

    /// <summary>Removes <paramref name="key"/>: the updates seen under it are dropped; a concurrent update elsewhere survives.</summary>
    public AWMap<TKey, TValue> Remove(TKey key) => new(Map.With(key, TValue.EmptyStore), Context);

    /// <summary>The delta of <see cref="Remove"/>.</summary>
    public AWMap<TKey, TValue> RemoveDelta(TKey key) => new(EmptyStore, CausalContext.Of(Map[key].Dots));
}
