namespace Lab06.Nodes.Tests;

public class PingPongTests
{
    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_PingAndPongPlayAcrossTwoNodes()
    {
        var run = await Lab.RunOnNetworkAsync(async net =>
        {
            var a = net.AddNode("a");
            var b = net.AddNode("b");
            var pong = PingPong.StartPong(b);
            net.Trace!.Label(pong, "pong@b");
            var ping = a.Spawn(self => PingPong.Ping(self, 3, "b@sim"));
            net.Trace.Label(ping, "ping@a");
            var pingEnd = await a.WaitForExitAsync(ping);
            var pongEnd = await b.WaitForExitAsync(pong);
            return (pingEnd, pongEnd, b.WhereIs(PingPong.PongName));
        }, seed: 1);
        var (pingEnd, pongEnd, stillThere) = run.Result;
        Assert.True(pingEnd.IsNormal, $"ping ended with {pingEnd}, not normal");
        Assert.True(pongEnd.IsNormal, $"pong ended with {pongEnd}, not normal: it should return on finished");
        Assert.Null(stillThere);
        // The messages only: how each player waits for its next one is its own business.
        await Verify(TraceText.Protocol(run.Trace));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_PongIsRegisteredOnItsOwnNodeOnly()
    {
        var run = await Lab.RunOnNetworkAsync(async net =>
        {
            var a = net.AddNode("a");
            var b = net.AddNode("b");
            var pong = PingPong.StartPong(b);
            await net.SettleAsync();
            return (pong, b.WhereIs(PingPong.PongName), a.WhereIs(PingPong.PongName));
        }, seed: 1);
        var (pong, onB, onA) = run.Result;
        Assert.Equal(pong, onB);
        Assert.Null(onA);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_PingPlaysAsManyRoundsAsAsked()
    {
        var run = await Lab.RunOnNetworkAsync(async net =>
        {
            var a = net.AddNode("a");
            var b = net.AddNode("b");
            var pong = PingPong.StartPong(b);
            net.Trace!.Label(pong, "pong@b");
            await a.RunAsync(self => PingPong.Ping(self, 5, "b@sim"));
            await b.WaitForExitAsync(pong);
            return 0;
        }, seed: 2);
        Assert.Equal(5, run.Trace.Split('\n').Count(l => l.Contains(" ! pong@b {ping,", StringComparison.Ordinal)));
        Assert.Equal(5, run.Trace.Split('\n').Count(l => l.Contains("pong@b ! ", StringComparison.Ordinal) && l.EndsWith(" pong", StringComparison.Ordinal)));
        Assert.Single(run.Trace.Split('\n'), l => l.Contains(" ! pong@b finished", StringComparison.Ordinal));
    }
}
