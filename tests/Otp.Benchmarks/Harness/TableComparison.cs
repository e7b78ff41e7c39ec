using Otp.Benchmarks.Benchmarks;

namespace Otp.Benchmarks.Harness;

/// <summary>One cell of the table benchmark on the three sides: this runtime's tables, ETS on
/// the BEAM, and the plain .NET collection (operations per second, medians; null where a side
/// did not run or has no such cell).</summary>
public sealed record TableRow(TableWorkload Workload, double? Otp, double? Ets, double? DotNet)
{
    /// <summary>Otp/ETS: above 1 the runtime's table is faster.</summary>
    public double? VersusEts => Otp is { } o && Ets is { } e && e > 0 ? o / e : null;

    /// <summary>Otp/.NET collection: above 1 the runtime's table is faster.</summary>
    public double? VersusDotNet => Otp is { } o && DotNet is { } d && d > 0 ? o / d : null;
}

/// <summary>Turns the table samples into rows.</summary>
public static class TableComparison
{
    /// <summary>The .NET collection each kind is compared with, as the table prints it.</summary>
    public static string CollectionFor(string kind) => kind switch
    {
        "set" => "ConcurrentDictionary",
        "ordered_set" => "locked SortedDictionary",
        _ => "locked Dictionary of lists",
    };

    public static IReadOnlyList<TableRow> Rows(Samples cs, Samples beam) =>
        [.. TableWorkload.All.Select(w => new TableRow(w, cs.Median("tables", w.Metric), beam.Median("tables", w.Metric),
            w.Concurrency ? null : cs.Median("tables", "dotnet_" + w.Metric)))];
}
