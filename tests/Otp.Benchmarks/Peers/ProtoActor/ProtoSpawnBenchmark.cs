using System.Diagnostics;
using Otp.Benchmarks.Benchmarks;
using Proto;

namespace Otp.Benchmarks.Peers.ProtoActor;

/// <summary>
/// The spawn benchmark on Proto.Actor: a parent actor spawns <c>count</c> children with
/// <c>context.Spawn</c>; each child counts itself when it receives <see cref="Started"/> and then
/// sits idle, waiting for a message. Microseconds per actor until every child has started, and
/// the growth of the live managed heap per idle actor.
/// </summary>
internal static class ProtoSpawnBenchmark
{
    public static async Task<Measurement[]> RunAsync(ActorSystem system, int count)
    {
        var started = new StartCounter(count);
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var start = Stopwatch.GetTimestamp();
        var parent = system.Root.Spawn(Props.FromProducer(() => new Parent(started)));
        system.Root.Send(parent, new SpawnChildren(count));
        await started.All;
        var elapsed = Stopwatch.GetElapsedTime(start);
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

        // Stopping the parent stops every child first.
        await system.Root.StopAsync(parent);
        return
        [
            new("us_per_spawn", elapsed.TotalMicroseconds / count),
            new("bytes_per_process", (double)(memoryAfter - memoryBefore) / count),
            new("processes", count),
        ];
    }

    private sealed record SpawnChildren(int Count);

    private sealed class Parent(StartCounter started) : IActor
    {
        public Task ReceiveAsync(IContext context)
        {
            if (context.Message is SpawnChildren spawn)
            {
                var props = Props.FromProducer(() => new Idle(started));
                for (var i = 0; i < spawn.Count; i++) context.Spawn(props);
            }
            return Task.CompletedTask;
        }
    }

    private sealed class Idle(StartCounter started) : IActor
    {
        public Task ReceiveAsync(IContext context)
        {
            if (context.Message is Started) started.Add();
            return Task.CompletedTask;
        }
    }
}
