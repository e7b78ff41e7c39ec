using Otp;

namespace Lab07.ReplicatedKv;

/// <summary>Task 2: one <see cref="StoreServer"/> per namespace, started on first use under one
/// supervisor, and found by name.</summary>
public static class Namespaces
{
    /// <summary>The name the namespaces' supervisor is registered under.</summary>
    public const string SupervisorName = "kv_namespaces";

    /// <summary>The store of namespace <c>NS</c> is registered as this prefix followed by <c>NS</c>
    /// (<c>kv_store:books</c>).</summary>
    public const string StorePrefix = "kv_store:";

    /// <summary>Task 2: starts the supervisor on <paramref name="self"/>'s node, registered as
    /// <see cref="SupervisorName"/>, with no store yet, not linked to <paramref name="self"/>;
    /// returns its pid.</summary>
    public static Task<Pid> StartAsync(Process self) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");

    /// <summary>Task 2: the pid of namespace <paramref name="ns"/>'s store, registered as
    /// <see cref="StorePrefix"/> + <paramref name="ns"/>, started under the supervisor if it does
    /// not run yet. Two callers that ask for a new namespace at the same time get the same store.</summary>
    public static Task<Pid> StoreAsync(Process self, string ns) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");

    /// <summary>Task 2: sets <paramref name="key"/> to <paramref name="value"/> in namespace
    /// <paramref name="ns"/>; returns null when stored, or the store's <see cref="KvError"/>.</summary>
    public static Task<KvError?> SetAsync(Process self, string ns, string key, string value) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");

    /// <summary>Task 2: reads <paramref name="key"/> in namespace <paramref name="ns"/>, as
    /// <see cref="KvStore.Get(string)"/> answers it.</summary>
    public static Task<KvResult<string>> GetAsync(Process self, string ns, string key) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");

    /// <summary>Task 2: deletes <paramref name="key"/> in namespace <paramref name="ns"/>; returns
    /// null when done, or the store's <see cref="KvError"/>.</summary>
    public static Task<KvError?> DeleteAsync(Process self, string ns, string key) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");
}
