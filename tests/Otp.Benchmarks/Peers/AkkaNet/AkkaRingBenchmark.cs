using System.Diagnostics;
using Akka.Actor;
using Otp.Benchmarks.Benchmarks;

namespace Otp.Benchmarks.Peers.AkkaNet;

/// <summary>
/// The ring benchmark on Akka.NET: <c>size</c> actors, each <c>Tell</c>ing the token to the
/// next, <c>laps</c> times round. Nanoseconds per hop; the ring is built before the clock starts.
/// </summary>
internal static class AkkaRingBenchmark
{
    public static async Task<Measurement[]> RunAsync(ActorSystem system, int size, int laps)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = system.ActorOf(Props.Create(() => new Relay(null, done)));
        var members = new List<IActorRef>(size) { first };
        var previous = first;
        for (var i = 1; i < size; i++)
        {
            var forwardTo = previous;
            previous = system.ActorOf(Props.Create(() => new Relay(forwardTo, done)));
            members.Add(previous);
        }
        first.Tell(new AkkaNext(previous));

        var hops = size * laps;
        var start = Stopwatch.GetTimestamp();
        first.Tell(new Hop(hops));
        await done.Task;
        var elapsed = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(members.Select(m => m.GracefulStop(TimeSpan.FromMinutes(1))));
        return [new("ns_per_hop", elapsed.TotalNanoseconds / hops)];
    }

    /// <summary>Tells the first actor of the ring whom to forward to.</summary>
    private sealed record AkkaNext(IActorRef To);

    private sealed class Relay(IActorRef? next, TaskCompletionSource done) : UntypedActor
    {
        private IActorRef? _next = next;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case AkkaNext n:
                    _next = n.To;
                    break;
                case Hop { Remaining: 0 }:
                    done.SetResult();
                    break;
                case Hop hop:
                    _next!.Tell(new Hop(hop.Remaining - 1));
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }
    }
}
