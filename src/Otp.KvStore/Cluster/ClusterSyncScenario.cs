using System.Globalization;
using System.Runtime.CompilerServices;
using Otp.Behaviours;
using Otp.Crdts;
using Otp.Crdts.Replication;
using Otp.Distribution.Simulation;

namespace Otp.KvStore.Cluster;

/// <summary>
/// The measured workload of anti-entropy between nodes: one <see cref="ReplicaServer"/> per node,
/// <c>writes</c> writes of distinct keys (<c>k000 = v0</c>, ...) made in turn on each node, a
/// fixed number per sync interval, then intervals until every replica holds the same state. On a
/// <see cref="SimulatedNetwork"/> the first node is cut off from the others for the middle third
/// of the writes and the run is deterministic (the same counts on every run of a seed); on real
/// nodes the same processes run in real time. Every step runs in processes on the nodes (the
/// writers, and a checker that compares the replicas once an interval until they agree), so the
/// only thing a simulated run does from outside is let time pass.
/// </summary>
public static class ClusterSyncScenario
{
    /// <summary>The outcome.</summary>
    /// <param name="Mode">Full state or delta intervals.</param>
    /// <param name="Stats">What every replica's anti-entropy sent, summed (bytes in the External Term Format).</param>
    /// <param name="Rounds">Sync intervals from the start to the end of the count (each replica
    /// gossiped about once in each).</param>
    /// <param name="Converged">Whether every replica ended with the same state.</param>
    /// <param name="Missing">Writes absent (or with another value) on some replica, summed over replicas: 0 when none was lost.</param>
    public sealed record Result(SyncMode Mode, SyncStats Stats, int Rounds, bool Converged, int Missing)
    {
        /// <summary>Messages the simulated network lost (its seeded loss, or in flight when a
        /// partition broke a connection) or dropped as unreachable; 0 on real nodes.</summary>
        public long Dropped { get; init; }

        /// <summary>One line for a table: mode, messages by kind, bytes, rounds.</summary>
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{(Mode == SyncMode.FullState ? "full " : "delta")}: {Stats.Messages} messages ({Stats.StateMessages} state, {Stats.DeltaMessages} delta, {Stats.AckMessages} ack), {Stats.Bytes} bytes, {Rounds} rounds, converged={Converged}, missing={Missing}, dropped={Dropped}");
    }

    /// <summary>The interval the simulated run syncs at (virtual time).</summary>
    public static TimeSpan SimulatedInterval { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Sync intervals the writes are spread over.</summary>
    public const int WritingRounds = 30;

    /// <summary>Intervals the check waits at most, after the writes, for the replicas to agree.</summary>
    public const int MaxExtraRounds = 100;

    /// <summary>Runs the workload on three nodes of a simulated network (<c>a</c>, <c>b</c>, <c>c</c>),
    /// with <c>a</c> cut off from <c>b</c> and <c>c</c> for the middle third of the writes.</summary>
    /// <param name="mode">Full state or delta intervals.</param>
    /// <param name="writes">How many writes (at least 30).</param>
    /// <param name="seed">The network's seed.</param>
    /// <param name="lossRate">The chance the network loses a message.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 30 writes.</exception>
    public static async Task<Result> RunSimulatedAsync(SyncMode mode, int writes = 300, int seed = 1, double lossRate = 0)
    {
        await using var net = SimulatedNetwork.Start(seed, new SimulatedNetworkOptions { Trace = false, LossRate = lossRate });
        Node[] nodes = [net.AddNode("a"), net.AddNode("b"), net.AddNode("c")];
        var interval = SimulatedInterval;
        // A quarter into the interval: after that round's gossip, before that round's writes.
        net.After(interval * (WritingRounds / 3) + interval / 4, () => net.Partition(["a"], ["b", "c"]));
        net.After(interval * (2 * WritingRounds / 3) + interval / 4, net.Heal);
        var run = Start(nodes, mode, interval, writes, callTimeout: interval / 4);
        // Everything happens inside the network's processes, on its clock: only this loop moves
        // the clock from outside, a whole interval at a time, so a seed replays exactly.
        for (var i = 0; i < WritingRounds + MaxExtraRounds + 2 && !run.IsCompleted; i++) await net.RunForAsync(interval).ConfigureAwait(false);
        if (!run.IsCompleted) throw new TimeoutException("the check did not finish"); // unreachable unless the runtime stalls
        return await run.ConfigureAwait(false) with { Dropped = net.Statistics.Lost + net.Statistics.Unreachable };
    }

    /// <summary>Runs the workload on real nodes (connected or not yet: messages connect them) and
    /// waits, in real time, for it to finish.</summary>
    /// <param name="nodes">Two or more distributed nodes, with no <see cref="ReplicaServer"/> yet.</param>
    /// <param name="mode">Full state or delta intervals.</param>
    /// <param name="interval">The replicas' sync interval.</param>
    /// <param name="writes">How many writes (at least 30).</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 30 writes, or fewer than two nodes.</exception>
    public static Task<Result> RunAsync(IReadOnlyList<Node> nodes, SyncMode mode, TimeSpan interval, int writes = 300) =>
        // A busy machine may take longer than an interval to answer; the simulation never does.
        Start(nodes, mode, interval, writes, callTimeout: TimeSpan.FromSeconds(5));

    /// <summary>
    /// Spawns, on each node, a process that starts the node's replica and makes its share of the
    /// writes (those of round <c>r</c> half an interval after the <c>r</c>-th tick), and on the first
    /// node a checker that, from the end of the writes, compares every replica's state once an
    /// interval (at most <see cref="MaxExtraRounds"/> times), then collects the counts.
    /// </summary>
    private static Task<Result> Start(IReadOnlyList<Node> nodes, SyncMode mode, TimeSpan interval, int writes, TimeSpan callTimeout)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentOutOfRangeException.ThrowIfLessThan(writes, WritingRounds);
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes.Count, 2);
        var perRound = writes / WritingRounds;
        var done = new TaskCompletionSource<Result>(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var n = 0; n < nodes.Count; n++)
        {
            var node = nodes[n];
            var index = n;
            var peers = nodes.Where(x => x != node).Select(x => x.Name).ToList();
            node.Spawn(async self =>
            {
                var start = self.Node.Time.GetUtcNow();
                await GenServer.StartAsync(self, new ReplicaServer(new ReplicaId(node.Name), peers, mode, interval), ReplicaServer.Name).ConfigureAwait(true);
                for (var i = 0; i < perRound * WritingRounds; i++)
                {
                    if (i % nodes.Count != index) continue;
                    await SleepUntil(self, start + interval * (i / perRound) + interval / 2).ConfigureAwait(true);
                    var request = new ErlangTuple(new Atom("kv_set"), Key(i), "text/plain", System.Text.Encoding.UTF8.GetBytes(Value(i)));
                    await GenServer.CallAsync(self, ReplicaServer.Name, request, callTimeout * 4).ConfigureAwait(true);
                }
            });
        }
        var total = perRound * WritingRounds;
        nodes[0].Spawn(async self =>
        {
            try
            {
                var start = self.Node.Time.GetUtcNow();
                var rounds = WritingRounds;
                var (converged, missing) = (false, total);
                for (var extra = 0; extra <= MaxExtraRounds; extra++, rounds++)
                {
                    await SleepUntil(self, start + interval * rounds + interval / 2).ConfigureAwait(true);
                    if (await CheckAsync(self, nodes, total, callTimeout).ConfigureAwait(true) is { } check)
                    {
                        (converged, missing) = check;
                        if (converged && missing == 0) break;
                    }
                }
                var stats = SyncStats.None;
                foreach (var node in nodes) stats += await StatsAsync(self, node.Name, callTimeout).ConfigureAwait(true);
                // The ticks there were until now: on real nodes slow calls make it more than the
                // checker's schedule counts.
                rounds = (int)((self.Node.Time.GetUtcNow() - start) / interval);
                done.TrySetResult(new Result(mode, stats, rounds, converged, missing));
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        return done.Task;
    }

    /// <summary>The counts of the replica on <paramref name="node"/>, asked again (at most 20 times)
    /// when the network loses the question or the answer.</summary>
    private static async Task<SyncStats> StatsAsync(Process self, string node, TimeSpan timeout)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var t = (ITuple)await GenServer.CallAsync(self, ReplicaServer.Name, node, new Atom("kv_sync_stats"), timeout).ConfigureAwait(true);
                return new SyncStats(Convert.ToInt32(t[1], CultureInfo.InvariantCulture), Convert.ToInt32(t[2], CultureInfo.InvariantCulture),
                    Convert.ToInt32(t[3], CultureInfo.InvariantCulture), Convert.ToInt64(t[4], CultureInfo.InvariantCulture));
            }
            catch (ExitException) when (attempt < 20)
            {
                // Lost on the way: ask again.
            }
        }
    }

    private static async Task SleepUntil(Process self, DateTimeOffset when)
    {
        var wait = when - self.Node.Time.GetUtcNow();
        if (wait > TimeSpan.Zero) await self.Sleep(wait).ConfigureAwait(true);
    }

    /// <summary>The key of write <paramref name="i"/>.</summary>
    public static string Key(int i) => string.Create(CultureInfo.InvariantCulture, $"k{i:000}");

    /// <summary>The value of write <paramref name="i"/>.</summary>
    public static string Value(int i) => string.Create(CultureInfo.InvariantCulture, $"v{i}");

    /// <summary>Whether the replicas agree and how many writes some lack; null if a replica did not
    /// answer within <paramref name="timeout"/> (a lost message: try again next interval).</summary>
    private static async Task<(bool Converged, int Missing)?> CheckAsync(Process self, IReadOnlyList<Node> nodes, int writes, TimeSpan timeout)
    {
        var states = new List<Crdts.Maps.MVMap<string, Http.StoredValue>>();
        foreach (var node in nodes)
        {
            try
            {
                states.Add(ReplicaStateTerms.Decode(await GenServer.CallAsync(self, ReplicaServer.Name, node.Name, new Atom("kv_state"), timeout).ConfigureAwait(true)));
            }
            catch (ExitException)
            {
                return null;
            }
        }
        var missing = 0;
        foreach (var state in states)
            for (var i = 0; i < writes; i++)
                if (!state.Value.TryGetValue(Key(i), out var values) || values.Count != 1 || System.Text.Encoding.UTF8.GetString(values.Single().Body) != Value(i))
                    missing++;
        return (states.All(s => s.Equals(states[0])), missing);
    }
}
