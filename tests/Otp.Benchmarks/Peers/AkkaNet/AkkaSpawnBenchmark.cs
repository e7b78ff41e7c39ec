using System.Diagnostics;
using Akka.Actor;
using Otp.Benchmarks.Benchmarks;

namespace Otp.Benchmarks.Peers.AkkaNet;

/// <summary>
/// The spawn benchmark on Akka.NET: a parent actor creates <c>count</c> children with
/// <c>Context.ActorOf</c>; each child counts itself in <c>PreStart</c> and then sits idle, waiting
/// for a message. Microseconds per actor until every child has started, and the growth of the
/// live managed heap per idle actor.
/// </summary>
internal static class AkkaSpawnBenchmark
{
    public static async Task<Measurement[]> RunAsync(ActorSystem system, int count)
    {
        var started = new StartCounter(count);
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var start = Stopwatch.GetTimestamp();
        var parent = system.ActorOf(Props.Create(() => new Parent(started)));
        parent.Tell(new SpawnChildren(count));
        await started.All;
        var elapsed = Stopwatch.GetElapsedTime(start);
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

        // Stopping the parent stops every child; wait for it, so the next repetition starts clean.
        await parent.GracefulStop(TimeSpan.FromMinutes(5));
        return
        [
            new("us_per_spawn", elapsed.TotalMicroseconds / count),
            new("bytes_per_process", (double)(memoryAfter - memoryBefore) / count),
            new("processes", count),
        ];
    }

    private sealed record SpawnChildren(int Count);

    private sealed class Parent(StartCounter started) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is SpawnChildren spawn)
            {
                var props = Props.Create(() => new Idle(started));
                for (var i = 0; i < spawn.Count; i++) Context.ActorOf(props);
            }
            else Unhandled(message);
        }
    }

    private sealed class Idle(StartCounter started) : UntypedActor
    {
        protected override void PreStart() => started.Add();

        protected override void OnReceive(object message) => Unhandled(message);
    }
}
