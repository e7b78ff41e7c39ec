using System.Collections.Immutable;

namespace Otp.KvStore.Pure;

/// <summary>
/// The store's logic as a pure module: an immutable map from keys to values, and operations that
/// return a new store or an error value. Nothing here sends a message, throws for a missing key or
/// changes an existing store, so it is tested (and reasoned about) without processes; the server
/// (<see cref="Server.KeyValueServer{TValue}"/>) only keeps the latest state.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class KeyValueStore<TKey, TValue> where TKey : notnull
{
    private readonly ImmutableDictionary<TKey, TValue> _entries;

    private KeyValueStore(ImmutableDictionary<TKey, TValue> entries) => _entries = entries;

    /// <summary>A new, empty store (akvs's <c>new</c>).</summary>
    /// <param name="keys">How keys compare; default: the key type's own equality. Pass
    /// <see cref="TermEquality.Default"/> for Erlang terms, so that <c>5</c> and <c>5L</c> are one key.</param>
    public static KeyValueStore<TKey, TValue> New(IEqualityComparer<TKey>? keys = null) =>
        new(ImmutableDictionary.Create<TKey, TValue>(keys));

    /// <summary>How many keys the store holds.</summary>
    public int Count => _entries.Count;

    /// <summary>The keys, in no particular order.</summary>
    public IEnumerable<TKey> Keys => _entries.Keys;

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing any value there.</summary>
    /// <returns>The new store, or <see cref="KvError.InvalidKey"/> for a null key (this store is unchanged).</returns>
    public KvResult<KeyValueStore<TKey, TValue>> Set(TKey key, TValue value) =>
        key is null ? InvalidKey<KeyValueStore<TKey, TValue>>() : new KvResult<KeyValueStore<TKey, TValue>>.Ok(new(_entries.SetItem(key, value)));

    /// <summary>The value under <paramref name="key"/>.</summary>
    /// <returns>The value, or <see cref="KvError.NotFound"/> (with the key in the details), or
    /// <see cref="KvError.InvalidKey"/> for a null key.</returns>
    public KvResult<TValue> Get(TKey key)
    {
        if (key is null) return InvalidKey<TValue>();
        return _entries.TryGetValue(key, out var value)
            ? new KvResult<TValue>.Ok(value)
            : new KvResult<TValue>.Error(new KvError(KvError.NotFound, "key not found", new Dictionary<string, object?> { ["key"] = key }));
    }

    /// <summary>The value under <paramref name="key"/>, or <paramref name="fallback"/> when there is none.</summary>
    /// <returns>Always <see cref="KvResult{T}.Ok"/>, except <see cref="KvError.InvalidKey"/> for a null key.</returns>
    public KvResult<TValue> Get(TKey key, TValue fallback)
    {
        if (key is null) return InvalidKey<TValue>();
        return new KvResult<TValue>.Ok(_entries.TryGetValue(key, out var value) ? value : fallback);
    }

    /// <summary>Removes <paramref name="key"/>. Removing a key that is not there succeeds and changes
    /// nothing (as Erlang's <c>maps:remove/2</c>), so a retried delete is harmless.</summary>
    /// <returns>The new store, or <see cref="KvError.InvalidKey"/> for a null key.</returns>
    public KvResult<KeyValueStore<TKey, TValue>> Delete(TKey key) =>
        key is null ? InvalidKey<KeyValueStore<TKey, TValue>>() : new KvResult<KeyValueStore<TKey, TValue>>.Ok(new(_entries.Remove(key)));

    private static KvResult<T>.Error InvalidKey<T>() =>
        new(new KvError(KvError.InvalidKey, "a key cannot be null", new Dictionary<string, object?> { ["key"] = null }));
}
