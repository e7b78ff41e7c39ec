namespace Lab10.TcpServer.Tests;

public class EchoServerTests
{
    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_EveryLineComesBack()
    {
        await using var server = await Served.StartAsync(EchoServer.StartAsync);
        await using var c = await Client.ConnectAsync(server.Port);
        Assert.Equal("hello", await c.AskAsync("hello"));
        Assert.Equal("two words", await c.AskAsync("two words"));
        Assert.Equal("ünïcödé ✓", await c.AskAsync("ünïcödé ✓"));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_EachConnectionHasItsOwnProcess()
    {
        await using var server = await Served.StartAsync(EchoServer.StartAsync);
        var transcript = new List<string>();
        var a = await Client.ConnectAsync(server.Port, "a", transcript);
        await a.AskAsync("hello");
        var b = await Client.ConnectAsync(server.Port, "b", transcript);
        await b.AskAsync("hi there");
        await a.AskAsync("again");

        // Each client leaves in turn; its process must end, and only its own.
        var handlers = server.SpawnedBy(server.Listening.Acceptor);
        Assert.True(handlers.Count == 2, $"two clients connected, and the acceptor spawned {handlers.Count} process(es): it must spawn one per connection");
        await a.DisposeAsync();
        Assert.True(await Served.EventuallyAsync(() => !server.Node.IsAlive(handlers[0])), "a's process still runs after a closed its connection");
        Assert.True(server.Node.IsAlive(handlers[1]), "b's process ended when a left");
        Assert.Equal("still here", await b.AskAsync("still here"));
        await b.DisposeAsync();
        Assert.True(await Served.EventuallyAsync(() => !server.Node.IsAlive(handlers[1])), "b's process still runs after b closed its connection");

        // Each process took the lines of its own connection only, one at a time.
        await Verify(string.Join('\n', transcript) + "\n\n" +
            ProcessView.Of(server.Trace, [(server.Listening.Acceptor, "acceptor"), (handlers[0], "conn1"), (handlers[1], "conn2")]));
    }
}
