using Otp.KvStore.Http;
using Otp.KvStore.Pure;
using Otp.KvStore.Server;

namespace Otp.KvStore.Namespaces;

/// <summary>
/// The namespace stores of one node, for code outside any process (the HTTP API, a test): each
/// operation runs in a short-lived process of the node, finds the namespace's store through
/// <see cref="NamespaceSupervisor"/> and calls it.
/// </summary>
public sealed class NamespacedStore : IKvBackend
{
    private readonly Node _node;

    private NamespacedStore(Node node, Pid supervisor)
    {
        _node = node;
        Supervisor = supervisor;
    }

    /// <summary>The supervisor of the namespace stores.</summary>
    public Pid Supervisor { get; }

    /// <summary>Starts the supervisor of the namespace stores on <paramref name="node"/> (unlinked).</summary>
    public static async Task<NamespacedStore> StartAsync(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sup = await node.RunAsync(self => NamespaceSupervisor.StartAsync(self).AsTask());
        return new NamespacedStore(node, sup);
    }

    /// <inheritdoc/>
    /// <remarks>Starts the namespace's store if this is its first write.</remarks>
    public Task<KvError?> SetAsync(string ns, string key, StoredValue value) => _node.RunAsync(async self =>
    {
        var store = await NamespaceSupervisor.StoreOfAsync<StoredValue>(self, Supervisor, ns);
        return await KeyValueServer.SetAsync(self, store, key, value);
    });

    /// <inheritdoc/>
    /// <remarks>A namespace that has no store yet holds nothing: no store is started for a read.</remarks>
    public Task<KvResult<StoredValue>> GetAsync(string ns, string key) => _node.RunAsync(async self =>
        _node.WhereIs(NamespaceSupervisor.StoreName(ns)) is { } store
            ? await KeyValueServer.GetAsync<StoredValue>(self, store, key)
            : new KvResult<StoredValue>.Error(new KvError(KvError.NotFound, "key not found", new Dictionary<string, object?> { ["namespace"] = ns, ["key"] = key })));

    /// <inheritdoc/>
    /// <remarks>A namespace that has no store yet holds nothing to delete: no store is started.</remarks>
    public Task<KvError?> DeleteAsync(string ns, string key) => _node.RunAsync(async self =>
        _node.WhereIs(NamespaceSupervisor.StoreName(ns)) is { } store ? await KeyValueServer.DeleteAsync(self, store, key) : null);
}
