namespace Workbook.Grader.Discovery;

/// <summary>
/// One lab as found on disk, by the workbook's naming conventions: grading tests in
/// <c>tests/LabNN.Topic.Tests</c>, the starter in <c>labs/LabNN.Topic</c> (with its README), the
/// reference answer in <c>solutions/LabNN.Topic</c>.
/// </summary>
/// <param name="Number">NN, the lab's number.</param>
/// <param name="Name">The lab's project name, for example <c>Lab01.Processes</c>.</param>
/// <param name="TestProject">The full path of the grading tests' .csproj.</param>
/// <param name="StarterFolder">The full path of <c>labs/LabNN.Topic</c>.</param>
/// <param name="SolutionFolder">The full path of <c>solutions/LabNN.Topic</c>.</param>
public sealed record LabInfo(int Number, string Name, string TestProject, string StarterFolder, string SolutionFolder)
{
    /// <summary>The lab's README, which numbers its tasks.</summary>
    public string Readme => Path.Combine(StarterFolder, "README.md");

    /// <summary>The lab's hints, one <c>## Task N</c> section each, shown on request (<see cref="LabHints"/>).</summary>
    public string Hints => Path.Combine(StarterFolder, "HINTS.md");
}
