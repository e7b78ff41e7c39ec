namespace Otp.Benchmarks.Harness;

/// <summary>The sides of the comparison, by the key the command line and the results use.</summary>
internal static class SideKeys
{
    public const string Runtime = "csharp";
    public const string Beam = "beam";
    public const string Akka = "akka";
    public const string Proto = "proto";

    /// <summary>Every side, in the order each benchmark runs them (and the table prints them).</summary>
    public static IReadOnlyList<string> All { get; } = [Runtime, Beam, Akka, Proto];

    /// <summary>The sides the runtime is compared with.</summary>
    public static IReadOnlyList<string> Peers { get; } = [Beam, Akka, Proto];

    /// <summary>The benchmarks the .NET actor libraries run: the ones an actor library can
    /// express (they have no selective receive, and tables are not theirs).</summary>
    public static IReadOnlyList<string> ActorLibraryBenchmarks { get; } = ["spawn", "ping_pong", "ring", "burst"];
}
