using Otp.Sockets;

namespace Otp.Tests.Sockets;

/// <summary>The line server: its protocol, its limits, and its isolation of connections, on loopback.</summary>
public class TcpServerTests
{
    private static async Task<(Node Node, TcpServer Server)> StartAsync(TcpServerOptions? options = null)
    {
        var node = Node.Start();
        var server = await node.RunAsync(async self => TcpServer.Start(self, options));
        return (node, server);
    }

    /// <summary>Waits (bounded) until only the acceptor is left: every connection's process ended.</summary>
    private static async Task<long> SettledProcessCountAsync(Node node, long expected)
    {
        for (var i = 0; i < 300 && node.ProcessCount > expected; i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        return node.ProcessCount;
    }

    [Fact]
    public async Task Echo_then_put_and_get_then_quit()
    {
        var (node, server) = await StartAsync();
        using var _ = node;
        await using var c = await LineClient.ConnectAsync(server.Port);
        Assert.Equal("hello world", await c.AskAsync("echo hello world"));
        Assert.Equal("ok", await c.AskAsync("put colour blue"));
        Assert.Equal("value blue", await c.AskAsync("get colour"));
        Assert.Equal("not_found", await c.AskAsync("get size"));
        Assert.Equal("error unknown_command", await c.AskAsync("shout"));
        Assert.Null(await c.AskAsync("quit"));
        server.Stop(node);
    }

    [Fact]
    public async Task A_crash_in_one_connection_touches_no_other()
    {
        var (node, server) = await StartAsync();
        using var _ = node;
        await using var a = await LineClient.ConnectAsync(server.Port);
        await using var b = await LineClient.ConnectAsync(server.Port);
        Assert.Equal("ok", await a.AskAsync("put k v"));
        Assert.Null(await b.AskAsync("crash"));
        Assert.Equal("value v", await a.AskAsync("get k"));
        await using var c = await LineClient.ConnectAsync(server.Port);
        Assert.Equal("still here", await c.AskAsync("echo still here"));
        Assert.True(node.IsAlive(server.Acceptor));
        server.Stop(node);
    }

    [Fact]
    public async Task The_connection_limit_turns_extra_clients_away_until_one_leaves()
    {
        var (node, server) = await StartAsync(new TcpServerOptions { MaxConnections = 2 });
        using var _ = node;
        await using var a = await LineClient.ConnectAsync(server.Port);
        await using var b = await LineClient.ConnectAsync(server.Port);
        Assert.Equal("a", await a.AskAsync("echo a"));
        Assert.Equal("b", await b.AskAsync("echo b"));
        await using (var c = await LineClient.ConnectAsync(server.Port))
        {
            Assert.Equal("error busy", await c.ReadLineAsync());
            Assert.Null(await c.ReadLineAsync());
        }
        Assert.Null(await a.AskAsync("quit"));
        Assert.Equal(2, await SettledProcessCountAsync(node, 2)); // the acceptor and b's process
        await using var d = await LineClient.ConnectAsync(server.Port);
        Assert.Equal("d", await d.AskAsync("echo d"));
        server.Stop(node);
    }

    [Fact]
    public async Task An_idle_client_is_told_and_closed()
    {
        var (node, server) = await StartAsync(new TcpServerOptions { IdleTimeout = TimeSpan.FromMilliseconds(300) });
        using var _ = node;
        await using var c = await LineClient.ConnectAsync(server.Port);
        Assert.Equal("bye idle", await c.ReadLineAsync());
        Assert.Null(await c.ReadLineAsync());
        server.Stop(node);
    }

    [Fact]
    public async Task An_over_long_line_is_an_error_and_closes_only_that_connection()
    {
        var (node, server) = await StartAsync(new TcpServerOptions { MaxLineBytes = 64 });
        using var _ = node;
        await using var fine = await LineClient.ConnectAsync(server.Port);
        await using var c = await LineClient.ConnectAsync(server.Port);
        await c.SendLineAsync(new string('x', 200));
        Assert.Equal("error line_too_long", await c.ReadLineAsync());
        Assert.Null(await c.ReadLineAsync());
        Assert.Equal("fine", await fine.AskAsync("echo fine"));
        server.Stop(node);
    }
}
