using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using Otp.Distribution.Epmd;
using Otp.KvStore.Tests.Replication;

namespace Otp.KvStore.Tests.Cluster;

/// <summary>
/// The clustered store on three real nodes (three OS processes, a private EPMD, loopback HTTP):
/// concurrent writers through HTTP, one node killed and restarted mid-run, then Jepsen's set check
/// on every node's final reads. Bounded: 3 writers, at most 300 writes each and 40 s of writing,
/// 60 s for the replicas to agree. A second test, with anti-entropy slowed to once a minute, shows
/// the checker sees the writes a restarted node missed.
/// </summary>
public class ThreeNodeFaultTests
{
    private const int Writers = 3;
    private const int MaxWritesPerWriter = 300;

    private sealed record Run(SetChecker.Result Result, int Acknowledged, int NotAcknowledged, int AcknowledgedByRestarted,
        IReadOnlyDictionary<string, string> AcknowledgedWrites, ImmutableSortedDictionary<string, ImmutableSortedSet<string>> RestartedRead);

    [Theory]
    [InlineData("full")]
    [InlineData("delta")]
    public async Task A_node_killed_and_restarted_loses_no_acknowledged_write(string sync)
    {
        // In delta mode the restarted node is a new incarnation: its peers must send it what its
        // earlier life had acknowledged, not only what came after.
        var run = await RunAsync(syncMs: 200, agreeWithin: TimeSpan.FromSeconds(60), sync);
        TestContext.Current.TestOutputHelper?.WriteLine($"{run.Result}; {run.Acknowledged} acknowledged ({run.AcknowledgedByRestarted} by the restarted node), {run.NotAcknowledged} not");
        Assert.True(run.Result.Valid, $"{run.Result}; {run.Acknowledged} acknowledged, {run.NotAcknowledged} not");
        Assert.Equal(0, run.Result.Lost);
        Assert.Equal(0, run.Result.Unexpected);
        Assert.Equal(0, run.Result.Disagreeing);
        // The kill happened mid-run: the killed node's writer was refused, and the restarted node took writes again.
        Assert.True(run.NotAcknowledged > 0, "no write failed: the node was not down while writers ran");
        Assert.True(run.AcknowledgedByRestarted > 0, "the restarted node acknowledged no write");
        // Anti-entropy brought the restarted node what was acknowledged while it was down.
        Assert.All(run.AcknowledgedWrites, kv => Assert.Equal(kv.Value, run.RestartedRead[kv.Key].Single()));
    }

    [Fact]
    public async Task Without_anti_entropy_the_restarted_node_misses_writes_and_the_checker_says_so()
    {
        // Anti-entropy once a minute: only the deltas of writes made while a node is connected reach it.
        var run = await RunAsync(syncMs: 60_000, agreeWithin: TimeSpan.FromSeconds(3));
        TestContext.Current.TestOutputHelper?.WriteLine($"{run.Result}; {run.Acknowledged} acknowledged, {run.NotAcknowledged} not");
        Assert.True(run.Result.Lost > 0, $"expected writes missing on the restarted node: {run.Result}");
        Assert.True(run.Result.Disagreeing > 0, $"expected the restarted node to disagree: {run.Result}");
        Assert.Equal(0, run.Result.Unexpected);
    }

    private static async Task<Run> RunAsync(int syncMs, TimeSpan agreeWithin, string sync = "full")
    {
        await using var epmd = EpmdServer.Start(0);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var names = Enumerable.Range(0, 3).Select(i => $"kvf{tag}{i}@localhost").ToArray();
        var nodes = new KvNodeProcess[3];
        try
        {
            var starts = names.Select(n => KvNodeProcess.StartAsync(n, names, epmd.Port, w: 2, syncMs: syncMs, sync: sync)).ToArray();
            for (var i = 0; i < 3; i++) nodes[i] = await starts[i];
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await WaitUntilAsync(async () => await PostAsync(http, nodes[0].BaseAddress, "warmup", "0") == HttpStatusCode.Created, TimeSpan.FromSeconds(30));

            var acknowledged = new ConcurrentDictionary<string, string>();
            var attempted = new ConcurrentDictionary<string, byte>();
            var statuses = new ConcurrentBag<HttpStatusCode?>();
            using var writing = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            var restarted = false;
            var acknowledgedByRestarted = 0;
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var n = 0; n < MaxWritesPerWriter && !writing.IsCancellationRequested; n++)
                {
                    var (key, value) = ($"w{w}-{n}", $"v{w}-{n}");
                    attempted[$"{key}={value}"] = 0;
                    // Each writer goes to its own node, so the killed node's writer fails while it is down.
                    var status = await PostAsync(http, nodes[w].BaseAddress, key, value);
                    statuses.Add(status);
                    if (status == HttpStatusCode.Created) acknowledged[key] = value;
                    if (status == HttpStatusCode.Created && w == 1 && Volatile.Read(ref restarted)) Interlocked.Increment(ref acknowledgedByRestarted);
                    await Task.Delay(20);
                }
            })).ToArray();

            await Task.Delay(600, TestContext.Current.CancellationToken);
            nodes[1].Kill();
            await nodes[1].DisposeAsync();
            await Task.Delay(600, TestContext.Current.CancellationToken);
            nodes[1] = await KvNodeProcess.StartAsync(names[1], names, epmd.Port, w: 2, syncMs: syncMs, sync: sync);
            restarted = true;
            await Task.Delay(1500, TestContext.Current.CancellationToken);
            await writing.CancelAsync();
            await Task.WhenAll(writers);

            Assert.True(acknowledged.Count >= 30, $"too few writes acknowledged to mean anything: {acknowledged.Count}");
            var keys = attempted.Keys.Select(a => a.Split('=')[0]).Distinct().ToList();
            List<ImmutableSortedDictionary<string, ImmutableSortedSet<string>>> reads = [];
            SetChecker.Result? result = null;
            await WaitUntilAsync(async () =>
            {
                reads = [];
                foreach (var node in nodes) reads.Add(await ReadAllAsync(http, node.BaseAddress, keys));
                result = SetChecker.Check(acknowledged, attempted.Keys.ToHashSet(), reads);
                return result.Valid;
            }, agreeWithin);
            var notAcknowledged = statuses.Count(s => s != HttpStatusCode.Created);
            return new Run(result!, acknowledged.Count, notAcknowledged, acknowledgedByRestarted, acknowledged, reads[1]);
        }
        finally
        {
            foreach (var n in nodes) if (n is not null) await n.DisposeAsync();
        }
    }

    private static async Task<HttpStatusCode?> PostAsync(HttpClient http, Uri node, string key, string value)
    {
        try
        {
            using var response = await http.PostAsync(new Uri(node, $"kv/fault/{key}"), new StringContent(value));
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null; // the node is down: not acknowledged
        }
    }

    private static async Task<ImmutableSortedDictionary<string, ImmutableSortedSet<string>>> ReadAllAsync(HttpClient http, Uri node, IEnumerable<string> keys)
    {
        var read = ImmutableSortedDictionary.Create<string, ImmutableSortedSet<string>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            using var response = await http.GetAsync(new Uri(node, $"kv/fault/{key}"));
            if (response.StatusCode == HttpStatusCode.OK) read = read.Add(key, [await response.Content.ReadAsStringAsync()]);
        }
        return read;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition() && DateTime.UtcNow < until) await Task.Delay(300);
    }
}
