using Otp.Crdts.Replication;
using Otp.Distribution.Epmd;
using Otp.KvStore.Cluster;

namespace Otp.KvStore.Tests.Cluster;

/// <summary>
/// The anti-entropy workload of <see cref="SimulatedSyncTests"/> on three real C# nodes in this
/// process, talking the distribution protocol over loopback TCP (a private EPMD): 300 writes over
/// 30 intervals of 100 ms, in each mode. Real time makes the counts vary a little from run to run,
/// so they are printed, and only what holds on any run is asserted. Bounded: 120 s per run.
/// </summary>
public class RealNodeSyncTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private static async Task<ClusterSyncScenario.Result> RunAsync(SyncMode mode)
    {
        await using var epmd = EpmdServer.Start(0);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var nodes = new List<Node>();
        try
        {
            for (var i = 0; i < 3; i++)
                nodes.Add(await Node.StartDistributedAsync(new NodeOptions
                {
                    Name = $"sync{tag}{i}@localhost",
                    Cookie = "kvsync",
                    EpmdPort = epmd.Port,
                    StartEpmd = false,
                }, TestContext.Current.CancellationToken));
            var result = await ClusterSyncScenario.RunAsync(nodes, mode, Interval).WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);
            TestContext.Current.TestOutputHelper?.WriteLine($"3 TCP nodes, {result}");
            return result;
        }
        finally
        {
            foreach (var n in nodes) await n.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(SyncMode.FullState)]
    [InlineData(SyncMode.DeltaInterval)]
    public async Task Three_tcp_nodes_converge_with_no_lost_write(SyncMode mode)
    {
        var r = await RunAsync(mode);
        Assert.True(r.Converged, r.ToString());
        Assert.Equal(0, r.Missing);
        Assert.True(r.Stats.Bytes > 0, r.ToString());
        if (mode == SyncMode.FullState)
        {
            Assert.Equal(0, r.Stats.DeltaMessages + r.Stats.AckMessages);
        }
        else
        {
            // Nothing restarted, nothing discarded early: deltas and acks only (acks include the
            // greetings a replica sends a peer until that peer's first delta, so no bound by deltas here).
            Assert.Equal(0, r.Stats.StateMessages);
            Assert.True(r.Stats.DeltaMessages > 0 && r.Stats.AckMessages > 0, r.ToString());
        }
    }
}
