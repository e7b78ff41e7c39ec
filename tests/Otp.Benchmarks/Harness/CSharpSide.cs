using Otp.Benchmarks.Benchmarks;

namespace Otp.Benchmarks.Harness;

/// <summary>Runs the C# benchmarks on one real-time node (the thread-pool scheduler, as a
/// program using the runtime would), with the same sizes and repetitions as the BEAM side.</summary>
internal sealed class CSharpSide(BenchmarkConfig config) : IBenchmarkSide
{
    private readonly Node _node = Node.Start();

    /// <summary>The benchmarks, in the order they run; the BEAM side knows the same names.</summary>
    public static IReadOnlyList<string> Benchmarks { get; } = ["spawn", "ping_pong", "ring", "burst", "scan_receive", "ref_receive", "tables", "tcp", "distribution"];

    public string Key => SideKeys.Runtime;

    public string Title => "Otp";

    public bool Has(string benchmark) => Benchmarks.Contains(benchmark);

    /// <summary>Runs one benchmark: for each size, an untimed warm-up (JIT tiers, thread pool
    /// size, first-use allocations), then the timed repetitions.</summary>
    public async Task RunAsync(string benchmark, Samples into)
    {
        if (benchmark == "tcp")
        {
            // The server runs in a process of its own (TcpServerHost), as the BEAM's does.
            using var server = await TcpServerProcess.StartCSharpAsync(config.TcpConnections);
            await TcpComparison.RunAsync(server, config, into);
            return;
        }
        foreach (var run in Runs(benchmark))
        {
            await run();
            for (var i = 0; i < config.Repetitions; i++)
                foreach (var m in await run())
                    into.Add(benchmark, m.Metric, m.Value);
        }
    }

    private IEnumerable<Func<Task<Measurement[]>>> Runs(string benchmark) => benchmark switch
    {
        "spawn" => [() => SpawnBenchmark.RunAsync(_node, config.SpawnCount)],
        "ping_pong" => [() => PingPongBenchmark.RunAsync(_node, config.RoundTrips)],
        "ring" => [() => RingBenchmark.RunAsync(_node, config.RingSize, config.RingLaps)],
        "burst" => [() => BurstBenchmark.RunAsync(_node, config.BurstSenders, config.BurstMessagesPerSender)],
        "scan_receive" => config.Backlogs.Select<int, Func<Task<Measurement[]>>>(b => () => SelectiveReceiveBenchmark.ScanAsync(_node, b, config.ScanReceives(b))),
        "ref_receive" => config.Backlogs.Select<int, Func<Task<Measurement[]>>>(b => () => SelectiveReceiveBenchmark.RefTaggedAsync(_node, b, config.RefReceives)),
        "tables" => [() => TableBenchmark.RunAsync(_node, config.TableKeys, config.TableOpsPerProcess)],
        _ => throw new ArgumentException($"no benchmark named {benchmark}", nameof(benchmark)),
    };

    public void Dispose() => _node.Dispose();
}
