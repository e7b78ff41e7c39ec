using Otp.Benchmarks.Benchmarks;

namespace Otp.Benchmarks.Harness;

/// <summary>One figure of the TCP benchmark on both servers (medians; null where a side did not run).</summary>
/// <param name="Metric">The sample name.</param>
/// <param name="Label">As the table prints it.</param>
/// <param name="HigherIsBetter">Which way is better, for reading the ratio.</param>
public sealed record TcpRow(string Metric, string Label, bool HigherIsBetter, double? Otp, double? Beam)
{
    /// <summary>Otp/BEAM.</summary>
    public double? Ratio => Otp is { } o && Beam is { } b && b > 0 ? o / b : null;
}

/// <summary>
/// Runs the TCP benchmark against one server process: a warm-up, then the connections held (and
/// the server's resident memory before and after them), then timed repetitions of round trips on
/// all of them. Both servers get exactly the same load from this program.
/// </summary>
internal static class TcpComparison
{
    public static readonly (string Metric, string Label, bool HigherIsBetter)[] Metrics =
    [
        ("connections_held", "connections held", true),
        ("requests_per_second", "requests/s", true),
        ("p99_latency_us", "p99 latency (us)", false),
        ("bytes_per_connection", "memory/connection (KB, RSS)", false),
        ("runtime_bytes_per_connection", "memory/connection (KB, runtime's count)", false),
    ];

    public static IReadOnlyList<TcpRow> Rows(Samples cs, Samples beam) =>
        [.. Metrics.Select(m => new TcpRow(m.Metric, m.Label, m.HigherIsBetter, cs.Median("tcp", m.Metric), beam.Median("tcp", m.Metric)))];

    public static async Task RunAsync(TcpServerProcess server, BenchmarkConfig config, Samples into)
    {
        // Warm-up: JIT tiers, thread pool, first connections; then let those processes end.
        var warm = await TcpLoad.ConnectAsync(server.Port, 50);
        await TcpLoad.RoundTripsAsync(warm, 30, round: 0);
        warm.ForEach(c => c.Dispose());
        await Task.Delay(1000);

        var runtimeBefore = await server.RuntimeMemoryAsync();
        var before = server.ResidentBytes();
        var held = await TcpLoad.ConnectAsync(server.Port, config.TcpConnections);
        await Task.Delay(500);
        var runtimeAfter = await server.RuntimeMemoryAsync();
        var after = server.ResidentBytes();
        try
        {
            into.Add("tcp", "connections_held", held.Count);
            if (before is { } b && after is { } a && held.Count > 0) into.Add("tcp", "bytes_per_connection", (double)(a - b) / held.Count);
            if (held.Count > 0) into.Add("tcp", "runtime_bytes_per_connection", (double)(runtimeAfter - runtimeBefore) / held.Count);
            for (var round = 1; round <= config.Repetitions; round++)
            {
                var (perSecond, p99) = await TcpLoad.RoundTripsAsync(held, config.TcpRequestsPerConnection, round);
                into.Add("tcp", "requests_per_second", perSecond);
                into.Add("tcp", "p99_latency_us", p99);
            }
        }
        finally
        {
            held.ForEach(c => c.Dispose());
        }
    }
}
