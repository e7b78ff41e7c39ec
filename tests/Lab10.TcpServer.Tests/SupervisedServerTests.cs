using Otp.Behaviours;

namespace Lab10.TcpServer.Tests;

public class SupervisedServerTests
{
    private static Task<IReadOnlyList<ChildInfo>> ChildrenAsync(Served server, Pid supervisor) =>
        server.RunAsync(async self => await Supervisor.WhichChildrenAsync(self, supervisor));

    private static Pid SupervisorOf(Served server) =>
        server.Node.WhereIs(SupervisedServer.SupervisorName)
        ?? throw new InvalidOperationException($"no process is registered as {SupervisedServer.SupervisorName}");

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_ACrashHurtsNoOtherConnection()
    {
        await using var server = await Served.StartAsync(SupervisedServer.StartAsync);
        var sup = SupervisorOf(server);
        var transcript = new List<string>();
        var a = await Client.ConnectAsync(server.Port, "a", transcript);
        var b = await Client.ConnectAsync(server.Port, "b", transcript);
        Assert.Equal("one", await a.AskAsync("one"));
        Assert.Equal("two", await b.AskAsync("two"));
        var before = await ChildrenAsync(server, sup);
        Assert.True(before.Count == 2, $"two clients are connected and the supervisor has {before.Count} child(ren): each connection's process must be its child");

        Assert.Null(await b.AskAsync("crash"));
        Assert.Equal("still here", await a.AskAsync("still here"));
        Assert.True(await Served.EventuallyAsync(() => server.SpawnedBy(sup).Count(server.Node.IsAlive) == 1), "after b's crash, one connection process should be left");
        var after = await ChildrenAsync(server, sup);
        Assert.True(after.Count == 1, $"after b's crash the supervisor has {after.Count} child(ren): a crashed connection is not restarted (temporary), its client is gone");
        Assert.True(server.Node.IsAlive(server.Listening.Acceptor), "the acceptor died with b's connection");
        Assert.Equal(sup, server.Node.WhereIs(SupervisedServer.SupervisorName));

        var c = await Client.ConnectAsync(server.Port, "c", transcript);
        Assert.Equal("three", await c.AskAsync("three"));
        Assert.Equal(2, (await ChildrenAsync(server, sup)).Count);
        await a.DisposeAsync();
        Assert.True(await Served.EventuallyAsync(() => server.SpawnedBy(sup).Count(server.Node.IsAlive) == 1), "a's process still runs after a closed its connection");
        await c.DisposeAsync();
        Assert.True(await Served.EventuallyAsync(() => server.SpawnedBy(sup).Count(server.Node.IsAlive) == 0), "c's process still runs after c closed its connection");

        var children = server.SpawnedBy(sup);
        Assert.Equal(3, children.Count);
        await b.DisposeAsync();
        await Verify(string.Join('\n', transcript) + "\n\n" +
            ProcessView.Of(server.Trace, [(sup, "connection_sup"), (children[0], "conn_a"), (children[1], "conn_b"), (children[2], "conn_c")]));
    }
}
