using System.Diagnostics;

namespace Otp.Benchmarks.Benchmarks;

/// <summary>Two processes send a message back and forth; microseconds per round trip.</summary>
internal static class PingPongBenchmark
{
    public static Task<Measurement[]> RunAsync(Node node, int roundTrips) => node.RunAsync(async self =>
    {
        var me = self.Self;
        var pong = self.Spawn(async p =>
        {
            while (await p.Receive() is Ping ping) p.Send(me, new Pong(ping.N));
        });
        var start = Stopwatch.GetTimestamp();
        for (var n = roundTrips; n > 0; n--)
        {
            self.Send(pong, new Ping(n));
            var expected = n;
            await self.Receive(m => m is Pong pg && pg.N == expected);
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        self.Send(pong, Stop.Instance);
        return new Measurement[] { new("us_per_round_trip", elapsed.TotalMicroseconds / roundTrips) };
    });
}
