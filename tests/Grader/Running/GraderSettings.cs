namespace Workbook.Grader.Running;

/// <summary>How the grader builds and runs a lab's tests.</summary>
public sealed record GraderSettings
{
    /// <summary>The workbook checkout's root folder.</summary>
    public required string Root { get; init; }

    /// <summary>What the tests compile against: <c>labs</c> (default) or <c>solutions</c>; passed
    /// to MSBuild as <c>LabSource</c>.</summary>
    public string Source { get; init; } = "labs";

    /// <summary>Build each lab's test project first (default). Off when the caller has just built.</summary>
    public bool Build { get; init; } = true;

    /// <summary>The most one build may take.</summary>
    public TimeSpan BuildLimit { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The most one lab's whole test run may take before the grader kills it and runs
    /// its tests one at a time instead.</summary>
    public TimeSpan RunLimit { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The most one test may take when tests run one at a time.</summary>
    public TimeSpan TestLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most managed memory one lab's test process may use, in megabytes (the GC's
    /// hard heap limit); 0 for no limit. A runaway allocation then fails its test with an
    /// out-of-memory message instead of taking the machine down.</summary>
    public int MemoryLimitMegabytes { get; init; } = 2048;

    /// <summary>The git revision whose tests and snapshots count as the committed ones
    /// (tamper check); null to skip the check (the starter check, where a maintainer's work in
    /// progress is expected).</summary>
    public string? Reference { get; init; } = "HEAD";

    /// <summary>The command that runs the .NET SDK.</summary>
    public string Dotnet { get; init; } = "dotnet";
}
