using Otp.Conformance.Tests.Harness;
using Otp.Sockets;

namespace Otp.Conformance.Tests;

/// <summary>The runtime's line server (src/Otp/Sockets) against a gen_tcp server on the real BEAM,
/// with the same limits and the same clients. Sockets run in real time, so the C# half runs on a
/// real-time node.</summary>
public class SocketsConformanceTests
{
    [Fact]
    public Task line_server() => Scenario.CheckAsync("sockets/line_server", Runs.RealTime, async (node, obs) =>
    {
        var options = new TcpServerOptions { MaxConnections = 2, MaxLineBytes = 64, IdleTimeout = TimeSpan.FromMilliseconds(1500) };
        var server = await node.RunAsync(async self => TcpServer.Start(self, options));
        var port = server.Port;
        using var a = await LineClient.ConnectAsync(port, "a", obs);
        foreach (var line in new[] { "echo hello", "put colour blue", "get colour", "get size", "shout", "put lonely" }) await a.AskAsync(line);
        using var b = await LineClient.ConnectAsync(port, "b", obs);
        await b.AskAsync("get colour");
        using (var c = await LineClient.ConnectAsync(port, "c", obs))
        {
            await c.ReadAsync();
            await c.ReadAsync();
        }
        await b.AskAsync("crash");
        await a.AskAsync("echo after the crash");
        using (var d = await LineClient.ConnectWhenFreeAsync(port, "d", obs, "echo a place was free"))
        {
            await d.AskAsync("echo " + new string('x', 100));
            await d.ReadAsync();
        }
        await a.AskAsync("quit");
        using (var e = await LineClient.ConnectWhenFreeAsync(port, "e", obs, null))
            await e.ReadAsync();
        server.Stop(node);
    });
}
