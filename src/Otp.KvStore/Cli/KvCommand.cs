using Otp.Crdts.Replication;
using Otp.KvStore.Cluster;
using Otp.KvStore.Http;
using Otp.KvStore.Namespaces;

namespace Otp.KvStore.Cli;

/// <summary>Runs the store from the command line until it is cancelled (Ctrl+C).</summary>
public static class KvCommand
{
    /// <summary>Exit code for options that do not make sense (a usage message was printed).</summary>
    public const int BadUsage = 2;

    /// <summary>Exit code for a store that could not start (the port is taken).</summary>
    public const int CouldNotStart = 1;

    /// <summary>
    /// Starts a local node with the namespace stores (or, with a short name, a distributed node
    /// with this node's replica of the clustered store, <see cref="ClusterStore"/>) and the HTTP API, prints
    /// <c>kv: HTTP API on URL</c> once it accepts requests, and serves until
    /// <paramref name="cancel"/> fires.
    /// </summary>
    /// <returns>0 after a normal stop, <see cref="CouldNotStart"/> otherwise.</returns>
    public static async Task<int> RunAsync(KvCommandRequest request, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        Node node;
        try
        {
            node = request.ShortName is null
                ? Node.Start()
                : await Node.StartDistributedAsync(new NodeOptions { Name = request.ShortName, Cookie = request.Cookie });
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or Otp.Distribution.Epmd.EpmdException)
        {
            await error.WriteLineAsync($"kv: cannot start node {request.ShortName}: {e.Message}");
            return CouldNotStart;
        }
        await using var _ = node;
        ClusterStore? cluster = null;
        IKvBackend store;
        if (request.ShortName is not null)
        {
            var hosts = request.Hosts.Count == 0 ? [node.Name] : request.Hosts;
            try
            {
                cluster = await ClusterStore.StartAsync(node, new ClusterOptions
                {
                    Hosts = hosts,
                    WriteQuorum = Math.Min(request.WriteQuorum, hosts.Distinct().Count()),
                    SyncInterval = request.SyncInterval,
                    Sync = request.Sync,
                    ConnectInterval = request.SyncInterval,
                });
            }
            catch (ArgumentException e)
            {
                await error.WriteLineAsync($"kv: {e.Message}");
                return BadUsage;
            }
            await output.WriteLineAsync($"kv: node {node.Name}, replicas on {string.Join(",", hosts)}, W={Math.Min(request.WriteQuorum, hosts.Distinct().Count())}, sync={(request.Sync == SyncMode.DeltaInterval ? "delta" : "full")}");
            store = cluster;
        }
        else
        {
            store = await NamespacedStore.StartAsync(node);
        }
        await using var __ = cluster;
        KvHttpServer server;
        try
        {
            server = await KvHttpServer.StartAsync(store, new KvHttpOptions
            {
                Address = request.Listen,
                Port = request.HttpPort,
                MaxBodyBytes = request.MaxBodyBytes,
            }, cancel);
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"kv: cannot listen on {request.Listen}:{request.HttpPort}: {e.Message}");
            return CouldNotStart;
        }
        await using (server)
        {
            await output.WriteLineAsync($"kv: HTTP API on {server.BaseAddress} (POST, GET, DELETE {server.BaseAddress}kv/{{namespace}}/{{key}}); Ctrl+C stops");
            try
            {
                if (cluster is null) await Task.Delay(Timeout.Infinite, cancel);
                else await ReportSyncAsync(cluster, output, Max(request.SyncInterval, StatsEvery), cancel);
            }
            catch (OperationCanceledException)
            {
                if (cluster is not null) await ReportLastAsync(cluster, output);
                await output.WriteLineAsync("kv: stopping");
            }
        }
        return 0;
    }

    private static readonly TimeSpan StatsEvery = TimeSpan.FromSeconds(5);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Prints the anti-entropy counts every <paramref name="every"/>, when they changed.</summary>
    private static async Task ReportSyncAsync(ClusterStore cluster, TextWriter output, TimeSpan every, CancellationToken cancel)
    {
        using var timer = new PeriodicTimer(every);
        var last = SyncStats.None;
        while (await timer.WaitForNextTickAsync(cancel))
        {
            var now = await cluster.SyncStatsAsync();
            if (now != last) await output.WriteLineAsync(SyncLine(now));
            last = now;
        }
        throw new OperationCanceledException(cancel);
    }

    private static async Task ReportLastAsync(ClusterStore cluster, TextWriter output)
    {
        try
        {
            await output.WriteLineAsync(SyncLine(await cluster.SyncStatsAsync()));
        }
        catch (ExitException)
        {
            // The replica is gone already: nothing to report.
        }
    }

    /// <summary>The log line of the anti-entropy counts (tests read it).</summary>
    internal static string SyncLine(SyncStats s) =>
        $"kv: anti-entropy sent {s.Messages} messages ({s.StateMessages} state, {s.DeltaMessages} delta, {s.AckMessages} ack), {s.Bytes} bytes";
}
