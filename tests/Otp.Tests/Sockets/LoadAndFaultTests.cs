using System.Net.Sockets;
using Otp.Sockets;

namespace Otp.Tests.Sockets;

/// <summary>
/// The server under load and abuse, on loopback, bounded in count and time: 1,000 well-behaved
/// clients hold their connections at once while slow readers, clients that vanish mid-line,
/// over-long lines and binary junk hit the same server. Every well-behaved client must be served
/// in full, and afterwards no connection process may be left: memory is bounded.
/// </summary>
public class LoadAndFaultTests
{
    private const int WellBehaved = 1000;

    [Fact]
    public async Task Every_well_behaved_client_is_served_whatever_the_others_do()
    {
        using var node = Node.Start();
        var options = new TcpServerOptions { MaxConnections = 2000, MaxLineBytes = 256, MaxQueuedLines = 16, IdleTimeout = TimeSpan.FromSeconds(20) };
        var server = await node.RunAsync(async self => TcpServer.Start(self, options));
        var ct = TestContext.Current.CancellationToken;

        // Phase 1: every well-behaved client connects and is answered once, so that all 1,000
        // connections are held at the same time.
        var clients = new LineClient[WellBehaved];
        for (var i = 0; i < WellBehaved; i++) clients[i] = await LineClient.ConnectAsync(server.Port);
        var first = await Task.WhenAll(clients.Select((c, i) => c.AskAsync($"echo hello {i}")));
        Assert.Equal(Enumerable.Range(0, WellBehaved).Select(i => $"hello {i}"), first);
        var held = node.ProcessCount;

        // Phase 2: the abusers, while the well-behaved clients keep talking.
        var abuse = Task.WhenAll(
            Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SlowReaderAsync(server.Port))),
            Task.WhenAll(Enumerable.Range(0, 50).Select(_ => VanishMidLineAsync(server.Port))),
            Task.WhenAll(Enumerable.Range(0, 50).Select(i => JunkAsync(server.Port, i))),
            Task.WhenAll(Enumerable.Range(0, 20).Select(_ => OverLongAsync(server.Port))));
        var answers = await Task.WhenAll(clients.Select(async (c, i) =>
        {
            var put = await c.AskAsync($"put key{i} value{i}");
            var get = await c.AskAsync($"get key{i}");
            var echo = await c.AskAsync($"echo bye {i}");
            return $"{put}|{get}|{echo}";
        }));
        await abuse;
        Assert.Equal(Enumerable.Range(0, WellBehaved).Select(i => $"ok|value value{i}|bye {i}"), answers);
        Assert.True(held >= WellBehaved + 1, $"only {held} processes while {WellBehaved} connections were open");

        // Phase 3: everyone leaves; every connection's process ends (the acceptor stays).
        foreach (var c in clients) await c.DisposeAsync();
        for (var i = 0; i < 400 && node.ProcessCount > 1; i++) await Task.Delay(50, ct);
        Assert.Equal(1, node.ProcessCount);
        Assert.True(node.IsAlive(server.Acceptor));
        server.Stop(node);
    }

    /// <summary>Sends many requests and never reads the answers: the server drops it once its
    /// queue of unread answers is full, instead of buffering them.</summary>
    private static async Task SlowReaderAsync(int port)
    {
        await using var c = await LineClient.ConnectAsync(port);
        var line = "echo " + new string('s', 200) + "\n";
        try
        {
            for (var i = 0; i < 2000; i++) await c.SendAsync(line);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // Dropped by the server, or stalled by TCP flow control: both are what we want.
        }
    }

    private static async Task VanishMidLineAsync(int port)
    {
        await using var c = await LineClient.ConnectAsync(port);
        await c.SendAsync("put half a lin");
    }

    private static async Task JunkAsync(int port, int seed)
    {
        await using var c = await LineClient.ConnectAsync(port);
        var junk = new byte[300];
        new Random(seed).NextBytes(junk);
        try
        {
            await c.Socket.SendAsync(junk, SocketFlags.None);
            await c.SendAsync("\n");
            while (await c.ReadLineAsync() is not null) { }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // Closed by the server for its junk.
        }
    }

    private static async Task OverLongAsync(int port)
    {
        await using var c = await LineClient.ConnectAsync(port);
        try
        {
            await c.SendAsync(new string('x', 5000) + "\n");
            while (await c.ReadLineAsync() is not null) { }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // Closed by the server.
        }
    }
}
