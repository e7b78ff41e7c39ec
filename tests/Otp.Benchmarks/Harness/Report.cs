using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Otp.Benchmarks.Harness;

/// <summary>Prints the comparison as a table and writes it as JSON.</summary>
internal static class Report
{
    /// <summary>The comparison: each side's median, the runtime's cost over the BEAM's and over
    /// the best peer's (below 1: the runtime is ahead), and the target.</summary>
    public static string Table(IReadOnlyList<ComparisonRow> rows, IReadOnlyDictionary<string, string> titles)
    {
        string Title(string side) => titles.GetValueOrDefault(side, side);
        var header = new[] { "benchmark", "unit", Title(SideKeys.Runtime), Title(SideKeys.Beam), Title(SideKeys.Akka), Title(SideKeys.Proto), "Otp/BEAM", "Otp/best peer", "target", "" };
        var lines = rows.Select(r => new[]
        {
            r.Benchmark, r.Unit, Format(r.CSharp), Format(r.Beam), Format(r.Akka), Format(r.Proto), Ratio(r.Ratio),
            r.VersusBestPeer is { } v ? $"{Ratio(v)} ({Title(r.BestPeer!)})" : "-",
            r.Target?.Text ?? "", r.Met switch { true => "met", false => "MISSED", null => "" },
        }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => lines.Prepend(header).Max(l => l[i].Length)).ToArray();
        var sb = new StringBuilder();
        void Line(string[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                // Text columns left-aligned, numbers right-aligned.
                var cell = i is >= 2 and <= 6 ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]);
                sb.Append(cell).Append(i < cells.Length - 1 ? "  " : "");
            }
            sb.Append('\n');
        }
        Line(header);
        sb.Append(new string('-', widths.Sum() + 2 * (widths.Length - 1))).Append('\n');
        lines.ForEach(Line);
        return sb.ToString();

        static string Ratio(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "-";
    }

    /// <summary>The TCP comparison: one line per figure, the two servers and their ratio.</summary>
    public static string TcpTable(IReadOnlyList<TcpRow> rows)
    {
        var header = new[] { "figure", "Otp", "BEAM", "Otp/BEAM", "better" };
        var lines = rows.Select(r => new[]
        {
            r.Label, Figure(r.Metric, r.Otp), Figure(r.Metric, r.Beam),
            r.Ratio is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "-", r.HigherIsBetter ? "higher" : "lower",
        }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => lines.Prepend(header).Max(l => l[i].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var cells in lines.Prepend(header).Take(1).Append(null).Concat(lines))
        {
            if (cells is null)
            {
                sb.Append(new string('-', widths.Sum() + 2 * (widths.Length - 1))).Append('\n');
                continue;
            }
            sb.AppendJoin("  ", cells.Select((c, i) => i is >= 1 and <= 3 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).Append('\n');
        }
        return sb.ToString();

        static string Figure(string metric, double? v) => v switch
        {
            null => "-",
            { } x when metric.EndsWith("bytes_per_connection", StringComparison.Ordinal) => (x / 1024).ToString("0.0", CultureInfo.InvariantCulture),
            { } x => x.ToString("#,0", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The distribution benchmark: each pair's round trip and one-way throughput, and its
    /// cost over the erl-erl pair's (below 1: faster than two erl nodes).</summary>
    public static string DistributionTable(IReadOnlyList<DistributionRow> rows)
    {
        var header = new[] { "pair (driver -> peer)", "round trip (us)", "/ erl-erl", "one-way msgs/s", "cost / erl-erl" };
        var lines = rows.Select(r => new[]
        {
            r.Label, Format(r.MicrosecondsPerRoundTrip), Ratio(DistributionRatio(rows, r, roundTrip: true)),
            Format(r.MessagesPerSecond), Ratio(DistributionRatio(rows, r, roundTrip: false)),
        }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => lines.Prepend(header).Max(l => l[i].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var cells in lines.Prepend(header).Take(1).Append(null).Concat(lines))
        {
            if (cells is null)
            {
                sb.Append(new string('-', widths.Sum() + 2 * (widths.Length - 1))).Append('\n');
                continue;
            }
            sb.AppendJoin("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).Append('\n');
        }
        return sb.ToString();

        static string Ratio(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "-";
    }

    /// <summary>A pair's cost over the erl-erl pair's: round-trip time over round-trip time, or
    /// erl-erl's messages per second over the pair's; null when either is missing.</summary>
    public static double? DistributionRatio(IReadOnlyList<DistributionRow> rows, DistributionRow row, bool roundTrip)
    {
        var erl = rows.FirstOrDefault(r => r.Pair == "erl_erl");
        if (erl is null) return null;
        return roundTrip
            ? row.MicrosecondsPerRoundTrip is { } a && erl.MicrosecondsPerRoundTrip is { } b && b > 0 ? a / b : null
            : row.MessagesPerSecond is { } c && erl.MessagesPerSecond is { } d && c > 0 ? d / c : null;
    }

    /// <summary>The table benchmark: operations per second on each side, and the ratios (above 1:
    /// the runtime is faster).</summary>
    public static string TablesTable(IReadOnlyList<TableRow> rows)
    {
        var header = new[] { "table", "work", "procs", "options", "Otp ops/s", "ETS ops/s", ".NET ops/s", "Otp/ETS", "Otp/.NET", ".NET collection" };
        var lines = rows.Select(r => new[]
        {
            r.Workload.Kind, r.Workload.Mix, r.Workload.Processes.ToString(CultureInfo.InvariantCulture),
            r.Workload.Concurrency ? "read+write conc." : "-",
            Millions(r.Otp), Millions(r.Ets), Millions(r.DotNet), Ratio(r.VersusEts), Ratio(r.VersusDotNet),
            r.Workload.Concurrency ? "" : TableComparison.CollectionFor(r.Workload.Kind),
        }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => lines.Prepend(header).Max(l => l[i].Length)).ToArray();
        var sb = new StringBuilder();
        void Line(string[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = i is >= 2 and <= 8 and not 3 ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]);
                sb.Append(cell).Append(i < cells.Length - 1 ? "  " : "");
            }
            sb.Append('\n');
        }
        Line(header);
        sb.Append(new string('-', widths.Sum() + 2 * (widths.Length - 1))).Append('\n');
        lines.ForEach(Line);
        return sb.ToString();

        static string Millions(double? v) => v is { } x ? (x / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + "M" : "-";
        static string Ratio(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "-";
    }

    /// <summary>Three significant figures, enough for figures that vary by several percent from
    /// run to run.</summary>
    private static string Format(double? value) => value switch
    {
        null => "-",
        >= 10_000_000 => (value.Value / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + "M",
        >= 100 => value.Value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 10 => value.Value.ToString("0.0", CultureInfo.InvariantCulture),
        >= 1 => value.Value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.000", CultureInfo.InvariantCulture),
    };

    public static string Json(BenchmarkConfig config, MachineInfo machine, DateTimeOffset when, IReadOnlyList<ComparisonRow> rows, IReadOnlyList<TableRow> tables, IReadOnlyList<TcpRow> tcp, IReadOnlyList<DistributionRow> distribution, IReadOnlyDictionary<string, Samples> samples, IEnumerable<(string Benchmark, string Metric)> metrics)
    {
        var doc = new
        {
            when,
            machine,
            config = new
            {
                config.Name, config.Repetitions, config.SpawnCount, config.RoundTrips, config.RingSize, config.RingLaps,
                config.ScannedPerRepetition, config.RefReceives, config.Backlogs, config.TableKeys, config.TableOpsPerProcess,
                config.BurstSenders, config.BurstMessagesPerSender, config.TcpConnections, config.TcpRequestsPerConnection,
                config.DistributionRoundTrips, config.DistributionMessages,
                statistic = "median of the timed repetitions, after one untimed warm-up",
            },
            ratios = "costs: the runtime's over the peer's, whatever the unit (for messages per second, the peer's over the runtime's); below 1 the runtime is ahead",
            comparison = rows.Select(r => new
            {
                r.Benchmark, r.Unit, csharp = r.CSharp, beam = r.Beam, akka = r.Akka, proto = r.Proto,
                r.Ratio, best_peer = r.BestPeer, ratio_to_best_peer = r.VersusBestPeer, target = r.Target?.Text, r.Met,
            }),
            tables = tables.Select(r => new
            {
                table = r.Workload.Kind, work = r.Workload.Mix, processes = r.Workload.Processes, concurrency_options = r.Workload.Concurrency,
                unit = "ops per second", otp = r.Otp, ets = r.Ets, dotnet = r.DotNet,
                dotnet_collection = r.Workload.Concurrency ? null : TableComparison.CollectionFor(r.Workload.Kind),
                otp_over_ets = r.VersusEts, otp_over_dotnet = r.VersusDotNet,
            }),
            tcp = tcp.Select(r => new { r.Metric, otp = r.Otp, beam = r.Beam, otp_over_beam = r.Ratio, higher_is_better = r.HigherIsBetter }),
            distribution = distribution.Select(r => new
            {
                r.Pair, us_per_round_trip = r.MicrosecondsPerRoundTrip, messages_per_s = r.MessagesPerSecond,
                round_trip_over_erl_erl = DistributionRatio(distribution, r, roundTrip: true),
                throughput_cost_over_erl_erl = DistributionRatio(distribution, r, roundTrip: false),
            }),
            samples = metrics.Select(m => new
            {
                benchmark = m.Benchmark, metric = m.Metric,
                csharp = Of(SideKeys.Runtime, m), beam = Of(SideKeys.Beam, m), akka = Of(SideKeys.Akka, m), proto = Of(SideKeys.Proto, m),
            }),
        };
        IReadOnlyList<double> Of(string side, (string Benchmark, string Metric) m) =>
            samples.TryGetValue(side, out var s) ? s.Of(m.Benchmark, m.Metric) : [];
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        });
    }
}
