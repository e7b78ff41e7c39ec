namespace Otp.Benchmarks.Benchmarks;

/// <summary>
/// One cell of the table benchmark: a kind of table, an operation mix, a number of concurrent
/// processes and the table options. The BEAM side (otp_bench.erl, tables) runs the same cells
/// and names them the same way.
/// </summary>
/// <param name="Kind">set, ordered_set, bag or duplicate_bag.</param>
/// <param name="Mix">read (lookups), write (inserts) or mix (9 lookups in 10, 1 insert).</param>
/// <param name="Processes">How many processes hit the table at once.</param>
/// <param name="Concurrency">False: a plain public table; true: read_concurrency and
/// write_concurrency both on.</param>
public sealed record TableWorkload(string Kind, string Mix, int Processes, bool Concurrency)
{
    /// <summary>Every cell, in the order they run and print: per kind and mix, one process and
    /// two without options, then two with the concurrency options.</summary>
    public static IReadOnlyList<TableWorkload> All { get; } =
    [
        .. from kind in new[] { "set", "ordered_set", "bag", "duplicate_bag" }
           from mix in new[] { "read", "write", "mix" }
           from cell in new[] { (1, false), (2, false), (2, true) }
           select new TableWorkload(kind, mix, cell.Item1, cell.Item2),
    ];

    /// <summary>The metric name both sides report: <c>ops_per_s@set/read/2/plain</c>.</summary>
    public string Metric => $"ops_per_s@{Kind}/{Mix}/{Processes}/{(Concurrency ? "rw" : "plain")}";

    /// <summary>The key of operation <paramref name="i"/> of process <paramref name="worker"/>:
    /// a stride through the keys that both sides compute alike.</summary>
    public static int Key(long i, int worker, int keys) => (int)((i * 7919 + worker * 5003) % keys);

    /// <summary>Whether operation <paramref name="i"/> writes.</summary>
    public bool Writes(long i) => Mix switch
    {
        "read" => false,
        "write" => true,
        _ => i % 10 == 0,
    };

    /// <summary>A write to a bag replaces the key's objects (delete, then insert), so that a bag
    /// and a duplicate bag stay the same size however long the benchmark runs.</summary>
    public bool IsBag => Kind is "bag" or "duplicate_bag";
}
