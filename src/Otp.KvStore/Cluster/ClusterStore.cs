using System.Globalization;
using System.Runtime.CompilerServices;
using Otp.Behaviours;
using Otp.Crdts;
using Otp.Crdts.Replication;
using Otp.Distribution;
using Otp.KvStore.Http;
using Otp.KvStore.Pure;

namespace Otp.KvStore.Cluster;

/// <summary>
/// The HTTP API's store on a cluster of real nodes: this node's <see cref="ReplicaServer"/>, the
/// connections to the other listed nodes (retried every <see cref="ClusterOptions.ConnectInterval"/>),
/// anti-entropy run by the replica every <see cref="ClusterOptions.SyncInterval"/> (its whole state,
/// or the delta intervals each node has not acknowledged: <see cref="ClusterOptions.Sync"/>), and
/// writes acknowledged only once stored on W replicas.
/// </summary>
/// <remarks>
/// A write is joined into this node's replica, then its delta is sent to every other replica with
/// a gen_server call; when fewer than W replicas (this one counted) have it within
/// <see cref="ClusterOptions.ReplicaTimeout"/>, <see cref="SetAsync"/> throws
/// <see cref="WriteNotAcknowledgedException"/> (503). A read is answered by this node's replica
/// alone (R = 1), so right after a write acknowledged elsewhere it may not see it yet; anti-entropy
/// brings it within about one sync interval. Concurrent writes to a key are all kept (multi-value);
/// a GET returns the greatest of them (by content type, then bytes) so every replica answers the same.
/// </remarks>
public sealed class ClusterStore : IKvBackend, IAsyncDisposable
{
    private readonly Node _node;
    private readonly ClusterOptions _options;
    private readonly string[] _peers;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _connecting;

    private readonly byte[] _replica;

    private ClusterStore(Node node, ClusterOptions options, ReplicaId replica)
    {
        _node = node;
        _replica = System.Text.Encoding.UTF8.GetBytes(replica.Name);
        _options = options;
        _peers = [.. options.Hosts.Where(h => h != node.Name).Distinct()];
        _connecting = Task.Run(() => ConnectLoopAsync(_stop.Token));
    }

    /// <summary>The other nodes, as listed.</summary>
    public IReadOnlyList<string> Peers => _peers;

    /// <summary>Starts this node's replica and the connect and anti-entropy loops.</summary>
    /// <param name="node">A distributed node whose name is one of <see cref="ClusterOptions.Hosts"/>.</param>
    /// <param name="options">The hosts and W.</param>
    /// <exception cref="ArgumentException">The node is not in the host list, W is not between 1 and
    /// the number of hosts, or the sync mode is <see cref="SyncMode.DeltaIntervalRelay"/>.</exception>
    public static async Task<ClusterStore> StartAsync(Node node, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Hosts.Contains(node.Name)) throw new ArgumentException($"this node, {node.Name}, is not in the host list", nameof(options));
        var count = options.Hosts.Distinct().Count();
        if (options.WriteQuorum < 1 || options.WriteQuorum > count) throw new ArgumentException($"W must be from 1 to {count} (the number of hosts)", nameof(options));
        // The incarnation makes this life's dots new even if the node ran before and others still hold its old ones.
        var replica = new ReplicaId($"{node.Name}/{DateTime.UtcNow.Ticks}");
        var peers = options.Hosts.Where(h => h != node.Name).Distinct();
        await GenServer.StartAsync(node, new ReplicaServer(replica, peers, options.Sync, options.SyncInterval), ReplicaServer.Name);
        // Connecting happens in the background (a peer not up yet must not hold up this node's start).
        return new ClusterStore(node, options, replica);
    }

    /// <inheritdoc/>
    public async Task<KvError?> SetAsync(string ns, string key, StoredValue value)
    {
        var delta = await GenServer.CallAsync(_node, ReplicaServer.Name, new ErlangTuple(new Atom("kv_set"), KeyOf(ns, key), value.ContentType, value.Body));
        await ReplicateAsync(delta);
        return null;
    }

    /// <inheritdoc/>
    public async Task<KvError?> DeleteAsync(string ns, string key)
    {
        var delta = await GenServer.CallAsync(_node, ReplicaServer.Name, new ErlangTuple(new Atom("kv_delete"), KeyOf(ns, key)));
        await ReplicateAsync(delta);
        return null;
    }

    /// <inheritdoc/>
    public async Task<KvResult<StoredValue>> GetAsync(string ns, string key)
    {
        var values = (IEnumerable<object?>)await GenServer.CallAsync(_node, ReplicaServer.Name, new ErlangTuple(new Atom("kv_get"), KeyOf(ns, key)));
        var stored = values.OfType<ITuple>().Select(t => new StoredValue((byte[])t[1]!, (string)t[0]!)).Max();
        return stored is null
            ? new KvResult<StoredValue>.Error(new KvError(KvError.NotFound, "key not found", new Dictionary<string, object?> { ["namespace"] = ns, ["key"] = key }))
            : new KvResult<StoredValue>.Ok(stored);
    }

    /// <summary>This replica's whole state, as the term other replicas receive.</summary>
    public Task<object> StateTermAsync() => GenServer.CallAsync(_node, ReplicaServer.Name, new Atom("kv_state"));

    /// <summary>What this replica's anti-entropy has sent so far (bytes: the External Term Format
    /// size of each message).</summary>
    public async Task<SyncStats> SyncStatsAsync()
    {
        var t = (ITuple)await GenServer.CallAsync(_node, ReplicaServer.Name, new Atom("kv_sync_stats"));
        return new SyncStats(Convert.ToInt32(t[1], CultureInfo.InvariantCulture), Convert.ToInt32(t[2], CultureInfo.InvariantCulture),
            Convert.ToInt32(t[3], CultureInfo.InvariantCulture), Convert.ToInt64(t[4], CultureInfo.InvariantCulture));
    }

    /// <summary>Sends <paramref name="delta"/> to every other replica at once and waits for W - 1 of them.</summary>
    private async Task ReplicateAsync(object delta)
    {
        var needed = _options.WriteQuorum - 1;
        if (needed == 0)
        {
            foreach (var peer in _peers) GenServer.Cast(_node, ReplicaServer.Name, peer, new ErlangTuple(new Atom("kv_join"), delta, _replica));
            return;
        }
        var calls = _peers.Select(async peer =>
        {
            try
            {
                return await GenServer.CallAsync(_node, ReplicaServer.Name, peer, new ErlangTuple(new Atom("kv_join"), delta, _replica), _options.ReplicaTimeout) is Atom { Name: "ok" };
            }
            catch (ExitException)
            {
                return false; // down, unreachable or too slow: not counted
            }
        }).ToList();
        var acks = 0;
        while (calls.Count > 0 && acks < needed)
        {
            var done = await Task.WhenAny(calls);
            calls.Remove(done);
            if (await done) acks++;
        }
        if (acks < needed) throw new WriteNotAcknowledgedException(acks + 1, _peers.Length + 1, _options.WriteQuorum);
    }

    // Keys of every namespace share one map; the length prefix keeps ("a/b", "c") and ("a", "b/c") apart.
    private static string KeyOf(string ns, string key) => $"{ns.Length}:{ns}/{key}";

    private async Task TryConnectAsync(string peer)
    {
        try
        {
            await _node.ConnectAsync(peer);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not up yet: the connect loop tries again.
        }
    }

    private async Task ConnectLoopAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.ConnectInterval);
        do
        {
            var connected = _node.Nodes(NodeVisibility.Connected);
            await Task.WhenAll(_peers.Where(p => !connected.Contains(p)).Select(TryConnectAsync)).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false));
    }

    /// <summary>Stops the loops (the replica stops with its node).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _connecting; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
