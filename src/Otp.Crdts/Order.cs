using System.Collections.Immutable;

namespace Otp.Crdts;

/// <summary>
/// The order the types keep keys and elements in. Strings compare ordinally, so a state prints the
/// same on every machine whatever its culture; other types use their default comparer.
/// </summary>
/// <typeparam name="T">The key or element type.</typeparam>
public static class Order<T>
{
    /// <summary>The comparer: <see cref="StringComparer.Ordinal"/> for strings, <see cref="Comparer{T}.Default"/> otherwise.</summary>
    public static IComparer<T> Comparer { get; } =
        typeof(T) == typeof(string) ? (IComparer<T>)(object)StringComparer.Ordinal : Comparer<T>.Default;

    /// <summary>An empty sorted set in this order.</summary>
    public static ImmutableSortedSet<T> EmptySet { get; } = ImmutableSortedSet.Create(Comparer);
}

/// <summary>Empty dictionaries keyed in <see cref="Order{T}"/>.</summary>
public static class Order
{
    /// <summary>An empty sorted dictionary keyed in <see cref="Order{T}.Comparer"/>.</summary>
    public static ImmutableSortedDictionary<TKey, TValue> EmptyDict<TKey, TValue>() where TKey : notnull =>
        ImmutableSortedDictionary.Create<TKey, TValue>(Order<TKey>.Comparer);
}
