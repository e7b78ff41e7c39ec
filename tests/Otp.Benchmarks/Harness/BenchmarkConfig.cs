namespace Otp.Benchmarks.Harness;

/// <summary>
/// The sizes of one benchmark run, shared by both sides: the C# benchmarks read them here and
/// the BEAM side receives them on its command line, so the two always measure the same work.
/// </summary>
public sealed record BenchmarkConfig(
    string Name,
    int Repetitions,
    int SpawnCount,
    int RoundTrips,
    int RingSize,
    int RingLaps,
    int ScannedPerRepetition,
    int RefReceives,
    IReadOnlyList<int> Backlogs,
    int TableKeys,
    int TableOpsPerProcess,
    int BurstSenders,
    int BurstMessagesPerSender)
{
    /// <summary>The sizes the targets are stated for: a million processes, a ring of 10,000
    /// processes for 100 laps, backlogs up to 100,000 messages, a burst of 1,000 senders x 1,000 messages.</summary>
    public static BenchmarkConfig Full { get; } = new("full", 5, 1_000_000, 1_000_000, 10_000, 100, 20_000_000, 100_000, [0, 1_000, 10_000, 100_000], 10_000, 200_000, 1_000, 1_000)
    {
        TcpConnections = 2_000, TcpRequestsPerConnection = 60,
        DistributionRoundTrips = 5_000, DistributionMessages = 200_000,
    };

    /// <summary>Small sizes for a CI smoke run: checks that everything runs and yields numbers.</summary>
    public static BenchmarkConfig Quick { get; } = new("quick", 3, 20_000, 20_000, 1_000, 10, 2_000_000, 10_000, [0, 1_000, 10_000], 1_000, 10_000, 100, 1_000)
    {
        TcpConnections = 200, TcpRequestsPerConnection = 30,
        DistributionRoundTrips = 500, DistributionMessages = 10_000,
    };

    /// <summary>TCP benchmark: connections held at once, on each server.</summary>
    public int TcpConnections { get; init; } = 200;

    /// <summary>TCP benchmark: round trips each held connection makes per timed repetition.</summary>
    public int TcpRequestsPerConnection { get; init; } = 30;

    /// <summary>Distribution benchmark: remote round trips per timed repetition, for each pair of nodes.</summary>
    public int DistributionRoundTrips { get; init; } = 500;

    /// <summary>Distribution benchmark: one-way messages per timed repetition, for each pair of nodes.</summary>
    public int DistributionMessages { get; init; } = 10_000;

    /// <summary>How many receives a scan-receive repetition makes past <paramref name="backlog"/>
    /// queued messages, so that every backlog scans about the same number of messages in total.
    /// The BEAM side computes the same (receives_for/2).</summary>
    public int ScanReceives(int backlog) => Math.Clamp(ScannedPerRepetition / Math.Max(1, backlog), 100, 100_000);

    /// <summary>The arguments that give the BEAM side (otp_bench:main/1) these sizes.</summary>
    public IEnumerable<string> ErlangArguments() =>
    [
        Repetitions.ToString(), SpawnCount.ToString(), RoundTrips.ToString(), RingSize.ToString(),
        RingLaps.ToString(), ScannedPerRepetition.ToString(), RefReceives.ToString(), string.Join(",", Backlogs),
        TableKeys.ToString(), TableOpsPerProcess.ToString(), BurstSenders.ToString(), BurstMessagesPerSender.ToString(),
    ];
}
