namespace Workbook.Grader.Integrity;

/// <summary>One file that differs from the committed workbook.</summary>
/// <param name="Path">The file, relative to the workbook root, with <c>/</c>.</param>
/// <param name="What">How it differs, for people: "changed", "deleted", "added", and where it was
/// seen (in the tests that ran, on disk after the run).</param>
/// <param name="Tasks">The tasks it can change the result of; empty when it concerns the whole lab
/// (a shared file, a project file, a test file that names no task).</param>
public sealed record TamperFinding(string Path, string What, IReadOnlyList<int> Tasks)
{
    /// <summary>For people: <c>tests/Lab01.Processes.Tests/EchoTests.cs: changed</c>.</summary>
    public override string ToString() => $"{Path}: {What}";
}
