using System.Diagnostics;
using Akka.Actor;
using Otp.Benchmarks.Benchmarks;

namespace Otp.Benchmarks.Peers.AkkaNet;

/// <summary>
/// The ping-pong benchmark on Akka.NET, with Akka's own request and reply between actors: the
/// pinger <c>Tell</c>s <see cref="Ping"/> (the implicit sender is the pinger), the ponger answers
/// <c>Sender.Tell(new Pong(n))</c>. Microseconds per round trip.
/// </summary>
internal static class AkkaPingPongBenchmark
{
    public static async Task<Measurement[]> RunAsync(ActorSystem system, int roundTrips)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ponger = system.ActorOf(Props.Create(() => new Ponger()));
        var pinger = system.ActorOf(Props.Create(() => new Pinger(ponger, roundTrips, done)));
        var start = Stopwatch.GetTimestamp();
        pinger.Tell(Go.Instance);
        await done.Task;
        var elapsed = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(pinger.GracefulStop(TimeSpan.FromMinutes(1)), ponger.GracefulStop(TimeSpan.FromMinutes(1)));
        return [new("us_per_round_trip", elapsed.TotalMicroseconds / roundTrips)];
    }

    private sealed class Pinger(IActorRef ponger, int roundTrips, TaskCompletionSource done) : UntypedActor
    {
        private int _expected = roundTrips;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Go:
                    ponger.Tell(new Ping(_expected));
                    break;
                case Pong pong when pong.N == _expected:
                    if (--_expected == 0) done.SetResult();
                    else ponger.Tell(new Ping(_expected));
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }
    }

    private sealed class Ponger : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is Ping ping) Sender.Tell(new Pong(ping.N));
            else Unhandled(message);
        }
    }
}
