using Otp.Benchmarks.Benchmarks;

namespace Otp.Benchmarks.Harness;

/// <summary>Runs the C# benchmarks on one real-time node (the thread-pool scheduler, as a
/// program using the runtime would), in the same order and with the same repetitions as the
/// BEAM side.</summary>
internal static class CSharpSide
{
    public static async Task<Samples> RunAsync(BenchmarkConfig config, Action<string> progress)
    {
        var samples = new Samples();
        using var node = Node.Start();

        async Task Repeat(string benchmark, Func<Task<Measurement[]>> run)
        {
            progress($"C#   {benchmark}");
            await run(); // warm-up: JIT tiers, thread pool size, first-use allocations
            for (var i = 0; i < config.Repetitions; i++)
                foreach (var m in await run())
                    samples.Add(benchmark, m.Metric, m.Value);
        }

        await Repeat("spawn", () => SpawnBenchmark.RunAsync(node, config.SpawnCount));
        await Repeat("ping_pong", () => PingPongBenchmark.RunAsync(node, config.RoundTrips));
        await Repeat("ring", () => RingBenchmark.RunAsync(node, config.RingSize, config.RingLaps));
        foreach (var backlog in config.Backlogs)
            await Repeat("scan_receive", () => SelectiveReceiveBenchmark.ScanAsync(node, backlog, config.ScanReceives(backlog)));
        foreach (var backlog in config.Backlogs)
            await Repeat("ref_receive", () => SelectiveReceiveBenchmark.RefTaggedAsync(node, backlog, config.RefReceives));
        return samples;
    }
}
