using System.Diagnostics;
using Otp.Benchmarks.Benchmarks;
using Proto;

namespace Otp.Benchmarks.Peers.ProtoActor;

/// <summary>
/// The ring benchmark on Proto.Actor: <c>size</c> actors, each <c>Send</c>ing the token to the
/// next, <c>laps</c> times round. Nanoseconds per hop; the ring is built before the clock starts.
/// </summary>
internal static class ProtoRingBenchmark
{
    public static async Task<Measurement[]> RunAsync(ActorSystem system, int size, int laps)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = system.Root.Spawn(Props.FromProducer(() => new Relay(null, done)));
        var members = new List<PID>(size) { first };
        var previous = first;
        for (var i = 1; i < size; i++)
        {
            var forwardTo = previous;
            previous = system.Root.Spawn(Props.FromProducer(() => new Relay(forwardTo, done)));
            members.Add(previous);
        }
        system.Root.Send(first, new ProtoNext(previous));

        var hops = size * laps;
        var start = Stopwatch.GetTimestamp();
        system.Root.Send(first, new Hop(hops));
        await done.Task;
        var elapsed = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(members.Select(system.Root.StopAsync));
        return [new("ns_per_hop", elapsed.TotalNanoseconds / hops)];
    }

    /// <summary>Tells the first actor of the ring whom to forward to.</summary>
    private sealed record ProtoNext(PID To);

    private sealed class Relay(PID? next, TaskCompletionSource done) : IActor
    {
        private PID? _next = next;

        public Task ReceiveAsync(IContext context)
        {
            switch (context.Message)
            {
                case ProtoNext n:
                    _next = n.To;
                    break;
                case Hop { Remaining: 0 }:
                    done.SetResult();
                    break;
                case Hop hop:
                    context.Send(_next!, new Hop(hop.Remaining - 1));
                    break;
            }
            return Task.CompletedTask;
        }
    }
}
