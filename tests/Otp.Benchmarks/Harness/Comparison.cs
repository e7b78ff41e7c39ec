using Otp.Benchmarks.Benchmarks;

namespace Otp.Benchmarks.Harness;

/// <summary>What a figure is held to. <see cref="Met"/> is given the C# median and the ratio
/// C#/BEAM (null when the BEAM side did not run); null means "cannot tell".</summary>
public sealed record Target(string Text, Func<double, double?, bool?> Met)
{
    /// <summary>The ratio C#/BEAM must not exceed <paramref name="limit"/>.</summary>
    public static Target RatioAtMost(double limit) =>
        new($"ratio <= {limit:0.0#}", (_, ratio) => ratio is { } r ? r <= limit : null);

    /// <summary>The C# figure itself must not exceed <paramref name="limit"/>.</summary>
    public static Target ValueAtMost(double limit, string what) =>
        new($"{what} <= {limit:0.0#}", (value, _) => value <= limit);
}

/// <summary>One line of the comparison: a figure measured on both sides (medians), their ratio
/// and the target, if the issue sets one for it.</summary>
public sealed record ComparisonRow(string Benchmark, string Unit, double? CSharp, double? Beam, Target? Target)
{
    /// <summary>C#/BEAM, or null when a side is missing.</summary>
    public double? Ratio => CSharp is { } c && Beam is { } b && b > 0 ? c / b : null;

    /// <summary>Whether the target is met; null without a target or without the figures.</summary>
    public bool? Met => Target is null || CSharp is not { } c ? null : Target.Met(c, Ratio);
}

/// <summary>Turns the samples of both sides into the rows of the comparison.</summary>
public static class Comparison
{
    /// <summary>Growth of the reference-tagged receive from the empty mailbox to the largest
    /// backlog that still counts as flat: within the noise of a shared machine, not with the
    /// backlog (which grows by a factor of 100,000).</summary>
    public const double FlatGrowthLimit = 2.0;

    public static IReadOnlyList<ComparisonRow> Rows(BenchmarkConfig config, Samples cs, Samples beam)
    {
        var rows = new List<ComparisonRow>
        {
            Row($"spawn {config.SpawnCount:N0} waiting processes", "us per spawn", "spawn", "us_per_spawn", Target.RatioAtMost(1.0)),
            Row("  memory of an idle process", "bytes per process", "spawn", "bytes_per_process", Target.RatioAtMost(0.5)),
            Row("ping-pong between two processes", "us per round trip", "ping_pong", "us_per_round_trip", Target.RatioAtMost(1.0)),
            Row($"ring of {config.RingSize:N0} processes, {config.RingLaps} laps", "ns per hop", "ring", "ns_per_hop", Target.RatioAtMost(1.0)),
        };
        var largest = config.Backlogs.Max();

        foreach (var backlog in config.Backlogs)
            rows.Add(Row($"general receive past {backlog:N0} queued", "us per receive", "scan_receive", SelectiveReceiveBenchmark.MetricFor(backlog), null));
        if (largest > 0)
            rows.Add(new($"  general receive: per skipped message", "ns per message",
                PerSkipped(cs, "scan_receive", largest), PerSkipped(beam, "scan_receive", largest), Target.RatioAtMost(1.5)));

        foreach (var backlog in config.Backlogs)
            rows.Add(Row($"ref-tagged receive past {backlog:N0} queued", "us per receive", "ref_receive", SelectiveReceiveBenchmark.MetricFor(backlog), null));
        if (largest > 0)
            rows.Add(new($"  ref-tagged receive: growth 0 -> {largest:N0}", "times slower",
                Growth(cs, largest), Growth(beam, largest), Target.ValueAtMost(FlatGrowthLimit, "C# growth")));
        return rows;

        ComparisonRow Row(string name, string unit, string benchmark, string metric, Target? target) =>
            new(name, unit, cs.Median(benchmark, metric), beam.Median(benchmark, metric), target);
    }

    /// <summary>The cost each extra queued message adds to a receive: the slope between the empty
    /// mailbox and the largest backlog, in nanoseconds.</summary>
    private static double? PerSkipped(Samples s, string benchmark, int largest) =>
        s.Median(benchmark, SelectiveReceiveBenchmark.MetricFor(largest)) is { } big && s.Median(benchmark, SelectiveReceiveBenchmark.MetricFor(0)) is { } empty
            ? (big - empty) * 1000 / largest
            : null;

    private static double? Growth(Samples s, int largest) =>
        s.Median("ref_receive", SelectiveReceiveBenchmark.MetricFor(largest)) is { } big && s.Median("ref_receive", SelectiveReceiveBenchmark.MetricFor(0)) is { } empty && empty > 0
            ? big / empty
            : null;
}
