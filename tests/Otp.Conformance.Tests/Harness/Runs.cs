namespace Otp.Conformance.Tests.Harness;

/// <summary>
/// The nodes a C# scenario runs on. Erlang runs once; the C# half runs once per node here and
/// must print the Erlang lines on every one of them.
/// </summary>
public static class Runs
{
    /// <summary>One deterministic node, first come first served: the default.</summary>
    public static IReadOnlyList<NodeOptions> Deterministic { get; } = [new NodeOptions { Deterministic = true, Trace = true }];

    /// <summary>A real-time node on the thread pool, with the system clock.</summary>
    public static IReadOnlyList<NodeOptions> RealTime { get; } = [new NodeOptions()];

    /// <summary>Deterministic nodes with seeds 1 to <paramref name="count"/> (each a different,
    /// reproducible interleaving), plus the first-come-first-served one.</summary>
    public static IReadOnlyList<NodeOptions> Seeds(int count = 8) =>
        [.. Deterministic, .. Enumerable.Range(1, count).Select(s => new NodeOptions { Deterministic = true, Seed = s, Trace = true })];

    /// <summary>For scenarios whose observations do not depend on the interleaving: every seed
    /// of <see cref="Seeds"/> and a real-time node.</summary>
    public static IReadOnlyList<NodeOptions> AnyInterleaving { get; } = [.. Seeds(), .. RealTime];

    /// <summary>How a run is named in a failure message.</summary>
    public static string Describe(NodeOptions o) =>
        !o.Deterministic ? "real-time node" : o.Seed is { } s ? $"deterministic node, seed {s}" : "deterministic node";
}
