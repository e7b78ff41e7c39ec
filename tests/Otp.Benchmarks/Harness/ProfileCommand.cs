using Otp.Benchmarks.Benchmarks;

namespace Otp.Benchmarks.Harness;

/// <summary>
/// <c>profile BENCHMARK N</c>: runs one of the runtime's benchmarks once, with N iterations and
/// no repetitions, for an instruction counter. Run under callgrind (or any profiler) twice, with
/// N and 2N: the difference of the two counts divided by N is the cost of one iteration, free of
/// the program's start-up, the JIT and the node's creation (docs/benchmarks.md, "Profiling").
/// </summary>
internal static class ProfileCommand
{
    /// <summary>The benchmarks this command runs, and what one iteration is.</summary>
    public static IReadOnlyDictionary<string, string> Benchmarks { get; } = new Dictionary<string, string>
    {
        ["ping_pong"] = "one round trip between two processes",
        ["receive_at_once"] = "a general receive that finds its message at once (the process sent it to itself)",
        ["ref_receive_at_once"] = "a reference-tagged receive that finds its reply at once: MakeRef, send, ReceiveReply",
        ["ring"] = "one hop of a ring of 1,000 processes",
    };

    public static async Task<int> RunAsync(string benchmark, int n)
    {
        using var node = Node.Start();
        var result = benchmark switch
        {
            "ping_pong" => await PingPongBenchmark.RunAsync(node, n),
            "receive_at_once" => await SelectiveReceiveBenchmark.ScanAsync(node, 0, n),
            "ref_receive_at_once" => await SelectiveReceiveBenchmark.RefTaggedAsync(node, 0, n),
            "ring" => await RingBenchmark.RunAsync(node, 1_000, Math.Max(1, n / 1_000)),
            _ => null,
        };
        if (result is null)
        {
            Console.Error.WriteLine($"profile: no benchmark named {benchmark}; one of: {string.Join(", ", Benchmarks.Keys)}");
            return 2;
        }
        foreach (var m in result) Console.WriteLine($"{benchmark} {n} {m.Metric} {m.Value}");
        return 0;
    }
}
