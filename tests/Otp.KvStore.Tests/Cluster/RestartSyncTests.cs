using System.Runtime.CompilerServices;
using Otp.Behaviours;
using Otp.Crdts;
using Otp.Crdts.Replication;
using Otp.Distribution.Simulation;
using Otp.KvStore.Cluster;

namespace Otp.KvStore.Tests.Cluster;

/// <summary>
/// A node whose replica restarts with an empty state (a new incarnation) must be sent everything,
/// in delta mode too, even by a peer that has nothing new to send: on the simulated network, so
/// the run is the same every time.
/// </summary>
public class RestartSyncTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private static void StartReplica(Node node, string incarnation, SyncMode mode) =>
        node.Spawn(async self => await GenServer.StartAsync(self,
            new ReplicaServer(new ReplicaId($"{node.Name}/{incarnation}"), new[] { "a@sim", "b@sim", "c@sim" }.Where(n => n != node.Name), mode, Interval),
            ReplicaServer.Name));

    private static void Write(Node node, int from, int to) =>
        node.Spawn(async self =>
        {
            for (var i = from; i < to; i++)
                await GenServer.CallAsync(self, ReplicaServer.Name, new ErlangTuple(new Atom("kv_set"), $"k{i}", "text/plain", new byte[] { (byte)i }));
        });

    private static async Task<int> KeysAsync(Node node) =>
        ReplicaStateTerms.Decode(await GenServer.CallAsync(node, ReplicaServer.Name, new Atom("kv_state"))).Value.Count;

    [Theory]
    [InlineData(SyncMode.FullState)]
    [InlineData(SyncMode.DeltaInterval)]
    public async Task A_restarted_replica_gets_every_write_even_when_no_peer_has_news(SyncMode mode)
    {
        await using var net = SimulatedNetwork.Start(seed: 1, new SimulatedNetworkOptions { Trace = false });
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        var c = net.AddNode("c");
        foreach (var n in new[] { a, b, c }) StartReplica(n, "1", mode);
        await net.RunForAsync(Interval / 2);
        Write(a, 0, 10);
        Write(c, 10, 20);
        await net.RunForAsync(Interval * 5);
        Assert.Equal(20, await KeysAsync(b));
        // b restarts empty after acknowledging everything, and no one writes again: its peers
        // hear of the new incarnation only because it greets them.
        await b.DisposeAsync();
        var b2 = net.AddNode("b");
        StartReplica(b2, "2", mode);
        await net.RunForAsync(Interval * 10);
        Assert.Equal(20, await KeysAsync(b2));
        // Written while b is down, then b restarts again: an interval meant for its earlier life
        // must not count as acknowledged from the start.
        await b2.DisposeAsync();
        Write(a, 20, 30);
        await net.RunForAsync(Interval * 5);
        var b3 = net.AddNode("b");
        StartReplica(b3, "3", mode);
        await net.RunForAsync(Interval * 10);
        Assert.Equal(30, await KeysAsync(b3));
        Assert.Equal(30, await KeysAsync(a));
        Assert.Equal(30, await KeysAsync(c));
    }
}
