using System.Runtime.CompilerServices;
using Otp;
using Otp.Behaviours;

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
    public static async Task<Pid> StartAsync(Process self) =>
        await Supervisor.StartAsync(self, new SupervisorSpec(RestartStrategy.OneForOne, []), SupervisorName);

    /// <summary>Task 2: the pid of namespace <paramref name="ns"/>'s store, registered as
    /// <see cref="StorePrefix"/> + <paramref name="ns"/>, started under the supervisor if it does
    /// not run yet. Two callers that ask for a new namespace at the same time get the same store.</summary>
    public static async Task<Pid> StoreAsync(Process self, string ns)
    {
        var name = StorePrefix + ns;
        if (self.Node.WhereIs(name) is { } running) return running;
        var supervisor = self.Node.WhereIs(SupervisorName) ?? throw new InvalidOperationException("The namespaces' supervisor is not running.");
        // The supervisor decides, one request at a time: the child's id is the namespace, so the
        // second of two first writers gets {already_started, Pid} with the first one's store.
        var child = new ChildSpec(ns, s => GenServer.StartLinkAsync(s, new StoreServer(), name));
        try
        {
            return await Supervisor.StartChildAsync(self, supervisor, child);
        }
        catch (StartFailedException e) when (e.Reason.Term is ITuple { Length: 2 } t && t[0] is Atom { Name: "already_started" } && t[1] is Pid first)
        {
            return first;
        }
    }

    /// <summary>Task 2: sets <paramref name="key"/> to <paramref name="value"/> in namespace
    /// <paramref name="ns"/>; returns null when stored, or the store's <see cref="KvError"/>.</summary>
    public static async Task<KvError?> SetAsync(Process self, string ns, string key, string value) =>
        await GenServer.CallAsync(self, await StoreAsync(self, ns), new StoreServer.Set(key, value)) as KvError;

    /// <summary>Task 2: reads <paramref name="key"/> in namespace <paramref name="ns"/>, as
    /// <see cref="KvStore.Get(string)"/> answers it.</summary>
    public static async Task<KvResult<string>> GetAsync(Process self, string ns, string key) =>
        (KvResult<string>)await GenServer.CallAsync(self, await StoreAsync(self, ns), new StoreServer.Get(key));

    /// <summary>Task 2: deletes <paramref name="key"/> in namespace <paramref name="ns"/>; returns
    /// null when done, or the store's <see cref="KvError"/>.</summary>
    public static async Task<KvError?> DeleteAsync(Process self, string ns, string key) =>
        await GenServer.CallAsync(self, await StoreAsync(self, ns), new StoreServer.Delete(key)) as KvError;
}
