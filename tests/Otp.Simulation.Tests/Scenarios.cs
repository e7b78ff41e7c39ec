using Otp.Distribution.Simulation;

namespace Otp.Simulation.Tests;

/// <summary>Small distributed programs the tests run on a simulated network.</summary>
internal static class Scenarios
{
    public static readonly Atom Ping = new("ping"), Pong = new("pong"), Finished = new("finished");

    /// <summary>tut17's ping and pong on two nodes: <c>pong</c> registered on b, ping on a sends
    /// <paramref name="rounds"/> pings to <c>{pong, b@sim}</c>, then <c>finished</c>.</summary>
    public static async Task PingPongAsync(SimulatedNetwork net, int rounds)
    {
        var a = net.AddNode("a");
        var b = net.AddNode("b");
        b.Register("pong", b.Spawn(async self =>
        {
            while (true)
            {
                var m = await self.Receive();
                if (m is ErlangTuple { Length: 2 } t && Ping.Equals(t[0]) && t[1] is Pid from) self.Send(from, Pong);
                else if (Finished.Equals(m)) return;
            }
        }));
        await a.RunAsync(async self =>
        {
            for (var i = 0; i < rounds; i++)
            {
                self.Send("pong", "b@sim", new ErlangTuple(Ping, self.Self));
                await self.Receive(m => Pong.Equals(m));
            }
            self.Send("pong", "b@sim", Finished);
        });
        await net.RunForAsync(TimeSpan.FromMilliseconds(10));
    }

    /// <summary>Three clients on three nodes race to a counter on a fourth; each reports the
    /// number it was given. Which client is served first depends on the interleaving.</summary>
    public static async Task RaceAsync(SimulatedNetwork net)
    {
        var server = net.AddNode("server");
        var clients = new[] { net.AddNode("c1"), net.AddNode("c2"), net.AddNode("c3") };
        server.Register("counter", server.Spawn(async self =>
        {
            var next = 0;
            while (true)
            {
                var m = (ErlangTuple)await self.Receive();
                self.Send((Pid)m[1]!, new ErlangTuple(new Atom("number"), next++));
            }
        }));
        var pids = clients.Select(c => c.Spawn(async self =>
        {
            // A few local steps first, so that the seed decides who sends first.
            for (var i = 0; i < 3; i++) self.Send(self.Self, i);
            for (var i = 0; i < 3; i++) await self.Receive();
            self.Send("counter", "server@sim", new ErlangTuple(new Atom("take"), self.Self));
            await self.Receive();
        })).ToList();
        for (var i = 0; i < pids.Count; i++) await clients[i].WaitForExitAsync(pids[i]);
    }
}
