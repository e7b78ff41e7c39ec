namespace Lab07.ReplicatedKv;

/// <summary>Task 1: the pure module. An immutable store of text values under text keys: every
/// operation returns a new store (or a value) and leaves this one as it was; nothing throws for a
/// missing key or a bad argument.</summary>
public sealed class KvStore
{
    // Private, as in the reference: a store is made by New and by the operations. Give it the
    // parameters your store needs.
    private KvStore() { }

    /// <summary>Task 1: an empty store.</summary>
    public static KvStore New() =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");

    /// <summary>Task 1: the keys, in ordinal order.</summary>
    public IReadOnlyList<string> Keys =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");

    /// <summary>Task 1: a store with <paramref name="value"/> under <paramref name="key"/> (replacing
    /// any value there). Errors: <c>invalid_key</c> for a null or empty key, <c>invalid_value</c>
    /// for a null value.</summary>
    public KvResult<KvStore> Set(string key, string value) =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");

    /// <summary>Task 1: the value under <paramref name="key"/>. Errors: <c>not_found</c> when
    /// there is none, <c>invalid_key</c> for a null or empty key.</summary>
    public KvResult<string> Get(string key) =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");

    /// <summary>Task 1: the value under <paramref name="key"/>, or <paramref name="fallback"/>
    /// when there is none (or the key is invalid).</summary>
    public string Get(string key, string fallback) =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");

    /// <summary>Task 1: a store without <paramref name="key"/>. Deleting a key that is not there
    /// succeeds and changes nothing (as <c>maps:remove/2</c>), so a repeated delete is harmless.
    /// Error: <c>invalid_key</c> for a null or empty key.</summary>
    public KvResult<KvStore> Delete(string key) =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");
}
