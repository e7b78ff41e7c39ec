using System.Collections.Immutable;
using Otp.Crdts.Causality;
using Otp.Crdts.Registers;

namespace Otp.Crdts.Maps;

/// <summary>
/// A map of multi-value registers (Lasp <c>state_mvmap</c>, which is an <c>awmap</c> of
/// <c>mvregister</c>): setting a key keeps concurrent writes to it side by side.
/// <list type="bullet">
/// <item>State: an <see cref="AWMap{TKey, TValue}"/> of <see cref="MVRegister{T}"/>.</item>
/// <item>Operations: <see cref="Set"/> a key, <see cref="Remove"/> a key; deltas as the map's.</item>
/// <item>Merge: the map's.</item>
/// <item>Query: for each key, the set of concurrent values.</item>
/// </list>
/// Same as Lasp.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class MVMap<TKey, TValue> : ICrdt<MVMap<TKey, TValue>, ImmutableSortedDictionary<TKey, ImmutableSortedSet<TValue>>>
    where TKey : notnull
{
    private MVMap(AWMap<TKey, MVRegister<TValue>> map) => Map = map;

    /// <summary>The multi-value map whose state is <paramref name="map"/> (values, dots and context
    /// as they are), for a replica that rebuilds a state it received from another node.</summary>
    public static MVMap<TKey, TValue> FromMap(AWMap<TKey, MVRegister<TValue>> map) => new(map ?? throw new ArgumentNullException(nameof(map)));

    /// <summary>The empty map.</summary>
    public static MVMap<TKey, TValue> Empty { get; } = new(AWMap<TKey, MVRegister<TValue>>.Empty);

    /// <summary>The underlying add-wins map.</summary>
    public AWMap<TKey, MVRegister<TValue>> Map { get; }

    /// <summary>The causal context of the whole map.</summary>
    public CausalContext Context => Map.Context;

    /// <summary>For each key, its concurrent values.</summary>
    public ImmutableSortedDictionary<TKey, ImmutableSortedSet<TValue>> Value =>
        Order.EmptyDict<TKey, ImmutableSortedSet<TValue>>().AddRange(Map.Value.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Value)));

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> at <paramref name="replica"/>.</summary>
    public MVMap<TKey, TValue> Set(ReplicaId replica, TKey key, TValue value) => new(Map.Apply(key, r => r.Set(replica, value)));

    /// <summary>The delta of <see cref="Set"/>.</summary>
    public MVMap<TKey, TValue> SetDelta(ReplicaId replica, TKey key, TValue value) => new(Map.ApplyDelta(key, r => r.SetDelta(replica, value)));

    /// <summary>Removes <paramref name="key"/>.</summary>
    public MVMap<TKey, TValue> Remove(TKey key) => new(Map.Remove(key));

    /// <summary>The delta of <see cref="Remove"/>.</summary>
    public MVMap<TKey, TValue> RemoveDelta(TKey key) => new(Map.RemoveDelta(key));

    /// <inheritdoc/>
    public MVMap<TKey, TValue> Merge(MVMap<TKey, TValue> other) => new(Map.Merge(other.Map));

    /// <inheritdoc/>
    public bool Equals(MVMap<TKey, TValue>? other) => other is not null && Map.Equals(other.Map);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as MVMap<TKey, TValue>);
    /// <inheritdoc/>
    public override int GetHashCode() => Map.GetHashCode();
    /// <summary>The map's text.</summary>
    public override string ToString() => Map.ToString();
}
