using Otp.Benchmarks.Benchmarks;
using Otp.Benchmarks.Harness;
using Proto;

namespace Otp.Benchmarks.Peers.ProtoActor;

/// <summary>
/// Proto.Actor as a peer: the benchmarks an actor library can express, written the way
/// Proto.Actor's documentation writes actors (<see cref="IActor"/> classes made by
/// <c>Props.FromProducer</c>, <c>Send</c> for one-way messages, <c>Request</c> and
/// <c>Respond</c> for a request and its reply), on an actor system with the default
/// configuration: the default dispatcher (the .NET thread pool) and the default unbounded mailbox.
/// </summary>
internal sealed class ProtoActorSide(BenchmarkConfig config) : IBenchmarkSide
{
    public string Key => SideKeys.Proto;

    public string Title => "Proto.Actor";

    public bool Has(string benchmark) => SideKeys.ActorLibraryBenchmarks.Contains(benchmark);

    public async Task RunAsync(string benchmark, Samples into)
    {
        // One actor system per benchmark, shut down before the next side runs.
        var system = new ActorSystem();
        try
        {
            Func<Task<Measurement[]>> run = benchmark switch
            {
                "spawn" => () => ProtoSpawnBenchmark.RunAsync(system, config.SpawnCount),
                "ping_pong" => () => ProtoPingPongBenchmark.RunAsync(system, config.RoundTrips),
                "ring" => () => ProtoRingBenchmark.RunAsync(system, config.RingSize, config.RingLaps),
                "burst" => () => ProtoBurstBenchmark.RunAsync(system, config.BurstSenders, config.BurstMessagesPerSender),
                _ => throw new ArgumentException($"Proto.Actor has no benchmark named {benchmark}", nameof(benchmark)),
            };
            await run();
            for (var i = 0; i < config.Repetitions; i++)
                foreach (var m in await run())
                    into.Add(benchmark, m.Metric, m.Value);
        }
        finally
        {
            await system.ShutdownAsync();
        }
    }

    public void Dispose() { }
}
