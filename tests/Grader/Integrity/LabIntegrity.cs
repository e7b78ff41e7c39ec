namespace Workbook.Grader.Integrity;

/// <summary>
/// Whether the tests and snapshots a lab was graded with are the committed ones: the lab's test
/// project (sources, snapshots, project file) as built into the test assembly and as found on disk
/// after the run, and the files every lab's grading depends on (tests/Workbook.Testing, the
/// build's props files).
/// </summary>
/// <param name="Reference">The git revision compared with, as given and resolved
/// (<c>HEAD (1a2b3c4)</c>), or null when nothing was compared.</param>
/// <param name="Unchecked">Why the comparison could not be made (no git, not a checkout, an
/// unknown revision), or null when it was.</param>
/// <param name="Findings">Every file that differs; empty when everything is as committed.</param>
public sealed record LabIntegrity(string? Reference, string? Unchecked, IReadOnlyList<TamperFinding> Findings)
{
    /// <summary>Not compared, on purpose (the starter check grades a maintainer's work in progress).</summary>
    public static LabIntegrity NotAsked { get; } = new(null, "not checked", []);

    /// <summary>True when the comparison was made and found nothing: the grade can be trusted.</summary>
    public bool Trusted => Unchecked is null && Findings.Count == 0;

    /// <summary>True when the comparison was made and found something.</summary>
    public bool Tampered => Findings.Count > 0;

    /// <summary>True when <paramref name="task"/>'s result may have been changed by a finding.</summary>
    public bool Touches(int task) => Findings.Any(f => f.Tasks.Count == 0 || f.Tasks.Contains(task));
}
