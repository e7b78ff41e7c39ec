using System.Globalization;
using Otp.Benchmarks.Benchmarks;

namespace Otp.Benchmarks.Harness;

/// <summary>What a figure is held to. <see cref="Met"/> is given the row; null means "cannot
/// tell" (a side it needs did not run).</summary>
public sealed record Target(string Text, Func<ComparisonRow, bool?> Met)
{
    /// <summary>The runtime's cost relative to the BEAM's (<see cref="ComparisonRow.Ratio"/>) must
    /// not exceed <paramref name="limit"/>.</summary>
    public static Target RatioAtMost(double limit) =>
        new($"Otp/BEAM <= {limit.ToString("0.0#", CultureInfo.InvariantCulture)}", row => row.Ratio is { } r ? r <= limit : null);

    /// <summary>The runtime's figure itself must not exceed <paramref name="limit"/>.</summary>
    public static Target ValueAtMost(double limit, string what) =>
        new($"{what} <= {limit.ToString("0.0#", CultureInfo.InvariantCulture)}", row => row.CSharp is { } c ? c <= limit : null);

    /// <summary>The runtime at or ahead of every peer that measured the row.</summary>
    public static Target AtMostBestPeer { get; } =
        new("Otp/best peer <= 1", row => row.VersusBestPeer is { } r ? r <= 1.0 : null);

    /// <summary>Both targets: missed if either is missed, met if both are met.</summary>
    public Target And(Target other) => new($"{Text}, {other.Text}", row => (Met(row), other.Met(row)) switch
    {
        (false, _) or (_, false) => false,
        (true, true) => true,
        _ => null,
    });
}

/// <summary>
/// One line of the comparison: a figure measured on each side (medians; null where a side did not
/// run it) and the target, if the issues set one for it. The ratios compare costs, whatever the
/// unit: below 1 the runtime is ahead. For a figure where more is better (messages per second)
/// the ratio is the peer's figure over the runtime's.
/// </summary>
public sealed record ComparisonRow(
    string Benchmark, string Unit, double? CSharp, double? Beam, double? Akka, double? Proto, Target? Target, bool HigherIsBetter = false)
{
    /// <summary>The runtime's cost over the BEAM's, or null when a side is missing.</summary>
    public double? Ratio => CostRatio(Beam);

    /// <summary>The peer with the best figure (<c>beam</c>, <c>akka</c> or <c>proto</c>), or null
    /// when no peer measured the row.</summary>
    public string? BestPeer
    {
        get
        {
            var peers = new (string Key, double? Value)[] { (SideKeys.Beam, Beam), (SideKeys.Akka, Akka), (SideKeys.Proto, Proto) }
                .Where(p => p.Value is > 0).ToList();
            if (peers.Count == 0) return null;
            return (HigherIsBetter ? peers.MaxBy(p => p.Value) : peers.MinBy(p => p.Value)).Key;
        }
    }

    /// <summary>The runtime's cost over the best peer's, or null when no peer measured the row.</summary>
    public double? VersusBestPeer => BestPeer switch
    {
        SideKeys.Beam => CostRatio(Beam),
        SideKeys.Akka => CostRatio(Akka),
        SideKeys.Proto => CostRatio(Proto),
        _ => null,
    };

    /// <summary>The figure of one side, by its key.</summary>
    public double? Of(string side) => side switch
    {
        SideKeys.Runtime => CSharp,
        SideKeys.Beam => Beam,
        SideKeys.Akka => Akka,
        SideKeys.Proto => Proto,
        _ => null,
    };

    /// <summary>Whether the target is met; null without a target or without the figures.</summary>
    public bool? Met => Target?.Met(this);

    private double? CostRatio(double? peer) =>
        CSharp is > 0 and var c && peer is > 0 and var p ? (HigherIsBetter ? p / c : c / p) : null;
}

/// <summary>Turns the samples of every side into the rows of the comparison.</summary>
public static class Comparison
{
    /// <summary>Growth of the reference-tagged receive from the empty mailbox to the largest
    /// backlog that still counts as flat: within the noise of a shared machine, not with the
    /// backlog (which grows by a factor of 100,000).</summary>
    public const double FlatGrowthLimit = 2.0;

    /// <param name="config">The sizes of the run.</param>
    /// <param name="samples">The samples of each side, by its key (<see cref="SideKeys"/>); a side
    /// that did not run may be missing.</param>
    /// <param name="titles">The name of each side, for the notes in the row names.</param>
    public static IReadOnlyList<ComparisonRow> Rows(BenchmarkConfig config, IReadOnlyDictionary<string, Samples> samples, IReadOnlyDictionary<string, string> titles)
    {
        var empty = new Samples();
        Samples Of(string side) => samples.TryGetValue(side, out var s) ? s : empty;
        var cs = Of(SideKeys.Runtime);
        var beam = Of(SideKeys.Beam);
        var best = Target.AtMostBestPeer;

        var rows = new List<ComparisonRow>
        {
            Row($"spawn {config.SpawnCount:N0} waiting processes{SpawnCountNote()}", "us per spawn", "spawn", "us_per_spawn", best),
            Row("  memory of an idle process", "bytes per process", "spawn", "bytes_per_process", Target.RatioAtMost(0.5).And(best)),
            Row("ping-pong between two processes", "us per round trip", "ping_pong", "us_per_round_trip", Target.RatioAtMost(0.5).And(best)),
            Row($"ring of {config.RingSize:N0} processes, {config.RingLaps} laps", "ns per hop", "ring", "ns_per_hop", Target.RatioAtMost(0.5).And(best)),
            Row($"burst: {config.BurstSenders:N0} senders x {config.BurstMessagesPerSender:N0} to one", "messages per s", "burst", "messages_per_s", best, higherIsBetter: true),
        };
        var largest = config.Backlogs.Max();

        foreach (var backlog in config.Backlogs)
            rows.Add(Row($"general receive past {backlog:N0} queued", "us per receive", "scan_receive", SelectiveReceiveBenchmark.MetricFor(backlog), best));
        if (largest > 0)
            rows.Add(new($"  general receive: per skipped message", "ns per message",
                PerSkipped(cs, "scan_receive", largest), PerSkipped(beam, "scan_receive", largest), null, null, Target.RatioAtMost(1.5)));

        foreach (var backlog in config.Backlogs)
            rows.Add(Row($"ref-tagged receive past {backlog:N0} queued", "us per receive", "ref_receive", SelectiveReceiveBenchmark.MetricFor(backlog), best));
        if (largest > 0)
            rows.Add(new($"  ref-tagged receive: growth 0 -> {largest:N0}", "times slower",
                Growth(cs, largest), Growth(beam, largest), null, null, Target.ValueAtMost(FlatGrowthLimit, "growth")));
        return rows;

        ComparisonRow Row(string name, string unit, string benchmark, string metric, Target? target, bool higherIsBetter = false) =>
            new(name, unit, cs.Median(benchmark, metric), beam.Median(benchmark, metric),
                Of(SideKeys.Akka).Median(benchmark, metric), Of(SideKeys.Proto).Median(benchmark, metric), target, higherIsBetter);

        // A library that cannot hold the full count is measured at the largest count it holds;
        // the row says so.
        string SpawnCountNote()
        {
            var notes = SideKeys.Peers
                .Select(side => (side, count: Of(side).Median("spawn", "processes")))
                .Where(x => x.count is { } n && (int)n != config.SpawnCount)
                .Select(x => $"{titles.GetValueOrDefault(x.side, x.side)}: {x.count:N0}")
                .ToList();
            return notes.Count == 0 ? "" : $" ({string.Join(", ", notes)})";
        }
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
