using System.Collections.Immutable;

namespace Lab07.ReplicatedKv;

/// <summary>Task 1: the pure module. An immutable store of text values under text keys: every
/// operation returns a new store (or a value) and leaves this one as it was; nothing throws for a
/// missing key or a bad argument.</summary>
public sealed class KvStore
{
    private static readonly KvStore Empty = new(ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal));

    private readonly ImmutableSortedDictionary<string, string> _entries;

    private KvStore(ImmutableSortedDictionary<string, string> entries) => _entries = entries;

    /// <summary>Task 1: an empty store.</summary>
    public static KvStore New() => Empty;

    /// <summary>Task 1: the keys, in ordinal order.</summary>
    public IReadOnlyList<string> Keys => [.. _entries.Keys];

    /// <summary>Task 1: a store with <paramref name="value"/> under <paramref name="key"/> (replacing
    /// any value there). Errors: <c>invalid_key</c> for a null or empty key, <c>invalid_value</c>
    /// for a null value.</summary>
    public KvResult<KvStore> Set(string key, string value)
    {
        if (InvalidKey(key) is { } bad) return new KvResult<KvStore>.Error(bad);
        if (value is null)
            return new KvResult<KvStore>.Error(new KvError("invalid_value", "value must not be null", Detail("key", key)));
        return new KvResult<KvStore>.Ok(new KvStore(_entries.SetItem(key, value)));
    }

    /// <summary>Task 1: the value under <paramref name="key"/>. Errors: <c>not_found</c> when
    /// there is none, <c>invalid_key</c> for a null or empty key.</summary>
    public KvResult<string> Get(string key)
    {
        if (InvalidKey(key) is { } bad) return new KvResult<string>.Error(bad);
        return _entries.TryGetValue(key, out var value)
            ? new KvResult<string>.Ok(value)
            : new KvResult<string>.Error(new KvError("not_found", "key not found", Detail("key", key)));
    }

    /// <summary>Task 1: the value under <paramref name="key"/>, or <paramref name="fallback"/>
    /// when there is none (or the key is invalid).</summary>
    public string Get(string key, string fallback) => Get(key) is KvResult<string>.Ok(var value) ? value : fallback;

    /// <summary>Task 1: a store without <paramref name="key"/>. Deleting a key that is not there
    /// succeeds and changes nothing (as <c>maps:remove/2</c>), so a repeated delete is harmless.
    /// Error: <c>invalid_key</c> for a null or empty key.</summary>
    public KvResult<KvStore> Delete(string key)
    {
        if (InvalidKey(key) is { } bad) return new KvResult<KvStore>.Error(bad);
        return new KvResult<KvStore>.Ok(_entries.ContainsKey(key) ? new KvStore(_entries.Remove(key)) : this);
    }

    private static KvError? InvalidKey(string? key) =>
        string.IsNullOrEmpty(key) ? new KvError("invalid_key", "key must be a non-empty string", Detail("key", key ?? "")) : null;

    private static Dictionary<string, string> Detail(string name, string value) => new() { [name] = value };
}
