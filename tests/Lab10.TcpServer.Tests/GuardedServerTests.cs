using System.Diagnostics;

namespace Lab10.TcpServer.Tests;

public class GuardedServerTests
{
    private static Task<Served> StartAsync(int maxConnections = 10, double idleSeconds = 10, int maxLineBytes = 1024) =>
        Served.StartAsync(self => GuardedServer.StartAsync(self, new ServerLimits(maxConnections, TimeSpan.FromSeconds(idleSeconds), maxLineBytes)));

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_AnExtraClientIsTurnedAwayUntilAPlaceFrees()
    {
        await using var server = await StartAsync(maxConnections: 2);
        await using var a = await Client.ConnectAsync(server.Port);
        await using var b = await Client.ConnectAsync(server.Port);
        Assert.Equal("a", await a.AskAsync("a"));
        Assert.Equal("b", await b.AskAsync("b"));
        await using (var c = await Client.ConnectAsync(server.Port))
        {
            Assert.Equal("error busy", await c.ReadLineAsync());
            Assert.Null(await c.ReadLineAsync());
        }
        Assert.Equal("a", await a.AskAsync("a"));
        await a.DisposeAsync();

        // Once a's process has ended its place is free again (bounded: a few seconds at most).
        string? answer = null;
        for (var attempt = 0; attempt < 100 && answer != "d"; attempt++)
        {
            await using var d = await Client.ConnectAsync(server.Port);
            answer = await d.AskAsync("d");
            if (answer != "d") await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Assert.True(answer == "d", $"a left, but a new client still reads \"{answer}\": count a connection as gone when its process ends");
        Assert.Equal("b", await b.AskAsync("b"));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_AnIdleClientIsToldAndClosed()
    {
        await using var server = await StartAsync(idleSeconds: 1);
        await using var idle = await Client.ConnectAsync(server.Port);
        await using var talker = await Client.ConnectAsync(server.Port);
        var clock = Stopwatch.StartNew();
        // The talker is never silent for long: it must be served throughout.
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal($"line {i}", await talker.AskAsync($"line {i}"));
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        Assert.Equal("bye idle", await idle.ReadLineAsync());
        Assert.Null(await idle.ReadLineAsync());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), "the talker kept talking for more than the idle timeout");
        Assert.Equal("still talking", await talker.AskAsync("still talking"));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_AnIdleClientIsNotClosedEarly()
    {
        await using var server = await StartAsync(idleSeconds: 2);
        await using var c = await Client.ConnectAsync(server.Port);
        var clock = Stopwatch.StartNew();
        Assert.Equal("bye idle", await c.ReadLineAsync());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"closed as idle after {clock.Elapsed.TotalSeconds:0.0} s; the limit was 2 s");
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_AnOverLongLineClosesOnlyItsConnection()
    {
        await using var server = await StartAsync(maxLineBytes: 64);
        await using var fine = await Client.ConnectAsync(server.Port);
        await using var c = await Client.ConnectAsync(server.Port);
        Assert.Equal("fine", await fine.AskAsync("fine"));
        await c.SendLineAsync(new string('x', 500));
        Assert.Equal("error line_too_long", await c.ReadLineAsync());
        Assert.Null(await c.ReadLineAsync());
        Assert.Equal(new string('y', 60), await fine.AskAsync(new string('y', 60)));
    }
}
