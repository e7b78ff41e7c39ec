using System.Diagnostics;
using Otp.Benchmarks.Benchmarks;
using Proto;

namespace Otp.Benchmarks.Peers.ProtoActor;

/// <summary>
/// The ping-pong benchmark on Proto.Actor, with Proto.Actor's own request and reply between
/// actors: the pinger sends <see cref="Ping"/> with <c>context.Request</c> (which carries the
/// pinger as the sender), the ponger answers with <c>context.Respond</c>. Microseconds per round
/// trip.
/// </summary>
internal static class ProtoPingPongBenchmark
{
    public static async Task<Measurement[]> RunAsync(ActorSystem system, int roundTrips)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ponger = system.Root.Spawn(Props.FromProducer(() => new Ponger()));
        var pinger = system.Root.Spawn(Props.FromProducer(() => new Pinger(ponger, roundTrips, done)));
        var start = Stopwatch.GetTimestamp();
        system.Root.Send(pinger, Go.Instance);
        await done.Task;
        var elapsed = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(system.Root.StopAsync(pinger), system.Root.StopAsync(ponger));
        return [new("us_per_round_trip", elapsed.TotalMicroseconds / roundTrips)];
    }

    private sealed class Pinger(PID ponger, int roundTrips, TaskCompletionSource done) : IActor
    {
        private int _expected = roundTrips;

        public Task ReceiveAsync(IContext context)
        {
            switch (context.Message)
            {
                case Go:
                    context.Request(ponger, new Ping(_expected));
                    break;
                case Pong pong when pong.N == _expected:
                    if (--_expected == 0) done.SetResult();
                    else context.Request(ponger, new Ping(_expected));
                    break;
            }
            return Task.CompletedTask;
        }
    }

    private sealed class Ponger : IActor
    {
        public Task ReceiveAsync(IContext context)
        {
            if (context.Message is Ping ping) context.Respond(new Pong(ping.N));
            return Task.CompletedTask;
        }
    }
}
