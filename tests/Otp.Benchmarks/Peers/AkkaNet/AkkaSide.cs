using Akka.Actor;
using Akka.Configuration;
using Otp.Benchmarks.Benchmarks;
using Otp.Benchmarks.Harness;

namespace Otp.Benchmarks.Peers.AkkaNet;

/// <summary>
/// Akka.NET as a peer: the benchmarks an actor library can express, written the way Akka.NET's
/// documentation writes actors (<see cref="UntypedActor"/>, <c>Tell</c> with the implicit sender,
/// replies to <c>Sender</c>), on an actor system with the default configuration: the default
/// dispatcher and the default unbounded mailbox. Only the log level is raised to WARNING, so that
/// the table is not interleaved with INFO lines.
/// </summary>
internal sealed class AkkaSide(BenchmarkConfig config) : IBenchmarkSide
{
    public string Key => SideKeys.Akka;

    public string Title => "Akka.NET";

    public bool Has(string benchmark) => SideKeys.ActorLibraryBenchmarks.Contains(benchmark);

    public async Task RunAsync(string benchmark, Samples into)
    {
        // One actor system per benchmark, shut down before the next side runs: no idle system
        // (its scheduler thread) is left beside the other sides' measurements.
        using var system = ActorSystem.Create("bench", ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        Func<Task<Measurement[]>> run = benchmark switch
        {
            "spawn" => () => AkkaSpawnBenchmark.RunAsync(system, config.SpawnCount),
            "ping_pong" => () => AkkaPingPongBenchmark.RunAsync(system, config.RoundTrips),
            "ring" => () => AkkaRingBenchmark.RunAsync(system, config.RingSize, config.RingLaps),
            "burst" => () => AkkaBurstBenchmark.RunAsync(system, config.BurstSenders, config.BurstMessagesPerSender),
            _ => throw new ArgumentException($"Akka.NET has no benchmark named {benchmark}", nameof(benchmark)),
        };
        await run();
        for (var i = 0; i < config.Repetitions; i++)
            foreach (var m in await run())
                into.Add(benchmark, m.Metric, m.Value);
        await system.Terminate();
    }

    public void Dispose() { }
}
