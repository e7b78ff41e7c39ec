using System.Diagnostics;

namespace Otp.Benchmarks.Benchmarks;

/// <summary>
/// A token goes round a ring of <c>size</c> processes <c>laps</c> times, each process forwarding
/// it to the next; nanoseconds per hop. The ring is built before the clock starts.
/// </summary>
internal static class RingBenchmark
{
    public static Task<Measurement[]> RunAsync(Node node, int size, int laps) => node.RunAsync(async self =>
    {
        var main = self.Self;
        var first = self.Spawn(async p =>
        {
            var next = await p.Receive<Next>();
            await Relay(p, next.To, main);
        });
        var members = new List<Pid>(size) { first };
        var previous = first;
        for (var i = 1; i < size; i++)
        {
            var forwardTo = previous;
            previous = self.Spawn(p => Relay(p, forwardTo, main));
            members.Add(previous);
        }
        self.Send(first, new Next(previous));

        var hops = size * laps;
        var start = Stopwatch.GetTimestamp();
        self.Send(first, new Hop(hops));
        await self.Receive(m => m is RingDone);
        var elapsed = Stopwatch.GetElapsedTime(start);
        foreach (var pid in members) self.Send(pid, Stop.Instance);
        return new Measurement[] { new("ns_per_hop", elapsed.TotalNanoseconds / hops) };
    });

    private static async Task Relay(Process self, Pid next, Pid main)
    {
        while (true)
        {
            switch (await self.Receive())
            {
                case Hop { Remaining: 0 }:
                    self.Send(main, RingDone.Instance);
                    break;
                case Hop hop:
                    self.Send(next, new Hop(hop.Remaining - 1));
                    break;
                case Stop:
                    return;
            }
        }
    }
}
