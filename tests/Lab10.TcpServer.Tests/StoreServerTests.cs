namespace Lab10.TcpServer.Tests;

public class StoreServerTests
{
    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_TheProtocolAcrossConnections()
    {
        await using var server = await Served.StartAsync(StoreServer.StartAsync);
        var transcript = new List<string>();
        await using var a = await Client.ConnectAsync(server.Port, "a", transcript);
        await using var b = await Client.ConnectAsync(server.Port, "b", transcript);
        Assert.Equal("ok", await a.AskAsync("put colour blue"));
        Assert.Equal("value blue", await a.AskAsync("get colour"));
        Assert.Equal("value blue", await b.AskAsync("get colour"));
        Assert.Equal("ok", await b.AskAsync("put colour deep sea green"));
        Assert.Equal("value deep sea green", await a.AskAsync("get colour"));
        Assert.Equal("not_found", await b.AskAsync("get size"));
        Assert.Equal("error unknown_command", await b.AskAsync("shout hello"));
        Assert.Equal("error unknown_command", await a.AskAsync("put lonely"));
        Assert.Equal("error unknown_command", await a.AskAsync(""));
        Assert.Null(await b.AskAsync("quit"));
        Assert.Equal("value deep sea green", await a.AskAsync("get colour"));
        await Verify(string.Join('\n', transcript) + "\n");
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_QuitEndsOnlyThatConnectionsProcess()
    {
        await using var server = await Served.StartAsync(StoreServer.StartAsync);
        await using var a = await Client.ConnectAsync(server.Port);
        Assert.Equal("ok", await a.AskAsync("put k v"));
        await using var b = await Client.ConnectAsync(server.Port);
        Assert.Equal("value v", await b.AskAsync("get k"));
        var handlers = server.SpawnedBy(server.Listening.Acceptor);
        Assert.True(handlers.Count == 2, $"two clients connected, and the acceptor spawned {handlers.Count} process(es): it must spawn one per connection");
        Assert.Null(await b.AskAsync("quit"));
        Assert.True(await Served.EventuallyAsync(() => !server.Node.IsAlive(handlers[1])), "the process of the client that quit still runs");
        Assert.Equal(ExitReason.Normal, server.Node.ExitReasonOf(handlers[1]));
        Assert.Equal("value v", await a.AskAsync("get k"));
        Assert.True(server.Node.IsAlive(handlers[0]));
    }
}
