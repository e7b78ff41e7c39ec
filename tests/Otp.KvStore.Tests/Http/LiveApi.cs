using Otp.KvStore.Http;
using Otp.KvStore.Namespaces;
using Otp.KvStore.Pure;

namespace Otp.KvStore.Tests.Http;

/// <summary>
/// A real store behind a real Kestrel on an ephemeral loopback port, and an HttpClient for it.
/// Counts the writes that reach the store, so a test can show a rejected request stored nothing.
/// </summary>
internal sealed class LiveApi : IAsyncDisposable
{
    public static readonly KvHttpOptions SmallLimits = new() { MaxNamespaceLength = 8, MaxKeyLength = 16, MaxBodyBytes = 64 };

    private readonly Node _node;
    private readonly KvHttpServer _server;

    private LiveApi(Node node, CountingBackend backend, KvHttpServer server)
    {
        _node = node;
        Backend = backend;
        _server = server;
        Client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public HttpClient Client { get; }

    public CountingBackend Backend { get; }

    /// <summary>The namespace stores that exist on the node.</summary>
    public IReadOnlyList<string> Stores => [.. _node.Registered().Where(n => n.StartsWith("kv_store:", StringComparison.Ordinal))];

    public static async Task<LiveApi> StartAsync(KvHttpOptions? options = null, IKvBackend? backend = null)
    {
        var node = Node.Start();
        var counting = new CountingBackend(backend ?? await NamespacedStore.StartAsync(node));
        var server = await KvHttpServer.StartAsync(counting, options ?? SmallLimits);
        Assert.True(server.BaseAddress.IsLoopback, $"listening on {server.BaseAddress}");
        return new LiveApi(node, counting, server);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        await _node.DisposeAsync();
    }

    internal sealed class CountingBackend(IKvBackend inner) : IKvBackend
    {
        private int _sets;
        private int _deletes;

        public int Sets => _sets;

        public int Deletes => _deletes;

        public Task<KvError?> SetAsync(string ns, string key, StoredValue value)
        {
            Interlocked.Increment(ref _sets);
            return inner.SetAsync(ns, key, value);
        }

        public Task<KvResult<StoredValue>> GetAsync(string ns, string key) => inner.GetAsync(ns, key);

        public Task<KvError?> DeleteAsync(string ns, string key)
        {
            Interlocked.Increment(ref _deletes);
            return inner.DeleteAsync(ns, key);
        }
    }
}
