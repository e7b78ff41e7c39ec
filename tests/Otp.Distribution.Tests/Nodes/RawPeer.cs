using System.Net;
using System.Net.Sockets;
using Otp.Distribution.Epmd;
using Otp.Distribution.Handshake;

namespace Otp.Distribution.Tests.Nodes;

/// <summary>A hand-driven peer: dials a node, runs the handshake with this library's own
/// initiator, and hands back the raw stream for the test to write anything at all.</summary>
public static class RawPeer
{
    public static async Task<(NetworkStream Stream, HandshakeResult Result)> ConnectAsync(Node target, TestCluster cluster, string cookie,
        DistributionFlags flags = DistributionFlagSets.Offered)
    {
        var client = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, target.DistributionPort);
        var stream = client.GetStream();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var me = new HandshakeSettings(cluster.NameOf("raw" + Guid.NewGuid().ToString("N")[..4]), cookie, flags, 7);
        var result = await Handshake.Handshake.InitiateAsync(stream, me, target.Name, cts.Token);
        return (stream, result);
    }

    /// <summary>The EPMD lookup, as a dialling node makes it.</summary>
    public static Task<EpmdNodeInfo?> LookUpAsync(TestCluster cluster, string alive) =>
        EpmdClient.LookUpAsync(new IPEndPoint(IPAddress.Loopback, cluster.EpmdPort), alive);
}
