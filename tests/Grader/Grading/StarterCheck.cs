using Workbook.Grader.Discovery;

namespace Workbook.Grader.Grading;

/// <summary>One thing <see cref="StarterCheck"/> verified.</summary>
/// <param name="Lab">The lab's project name.</param>
/// <param name="What">What was checked, for people.</param>
/// <param name="Ok">Whether it held.</param>
/// <param name="Detail">Why not, when it did not.</param>
public sealed record Check(string Lab, string What, bool Ok, string? Detail = null);

/// <summary>
/// The workbook's promise about its labs, checked (CI runs it): every starter compiles and fails
/// every one of its tests, so no test passes on an empty answer; every reference solution passes
/// every test; and the README, the hints and the tests agree on the tasks (every task has a hint
/// and a test, every hint and every test names a task of the README).
/// </summary>
public static class StarterCheck
{
    /// <summary>The checks for one lab, from its README and its two graded results.</summary>
    public static IReadOnlyList<Check> Evaluate(LabInfo lab, LabResult starter, LabResult solution)
    {
        var checks = new List<Check>();
        void Add(string what, bool ok, string? detail = null) => checks.Add(new Check(lab.Name, what, ok, detail));

        var readme = LabReadme.Load(lab);
        Add("the starter has a README with numbered tasks (## Task N: Title)", readme.Tasks.Count > 0,
            File.Exists(lab.Readme) ? "no '## Task N: Title' heading found" : $"{lab.Readme} is missing");
        foreach (var t in readme.Tasks.Where(t => t.Hint is null))
            Add($"task {t.Number} has a hint", false, $"add a '## Task {t.Number}' section to {Path.GetFileName(lab.Hints)}");
        foreach (var n in LabHints.Load(lab.Hints).Keys.Except(readme.Tasks.Select(t => t.Number)).Order())
            Add($"the hint for task {n} belongs to a task of the README", false, $"{Path.GetFileName(lab.Hints)} has '## Task {n}' but the README has no such task");
        Add("the reference solution exists", Directory.Exists(lab.SolutionFolder), $"{lab.SolutionFolder} is missing");

        Add("the starter compiles", starter.Compiled, starter.Problem);
        Add("the solution compiles", solution.Compiled, solution.Problem);
        if (!starter.Compiled || !solution.Compiled) return checks;

        foreach (var t in solution.Unassigned)
            Add($"{t.Method} names its task", false, "test method names start with Task<N>_");
        foreach (var t in solution.Tasks.Where(t => t.Title == "(not in the README)"))
            Add($"task {t.Number} is in the README", false, $"tests check task {t.Number} but the README has no '## Task {t.Number}: ...'");
        foreach (var t in solution.Tasks.Where(t => t.Tests.Count == 0))
            Add($"task {t.Number} has tests", false, $"no test method starts with Task{t.Number}_");

        foreach (var test in starter.AllTests)
            Add($"the starter fails {test.Method}", test.Outcome != TestOutcome.Passed,
                "it passes on the unimplemented starter, so it checks nothing the student writes");
        foreach (var test in solution.AllTests)
            Add($"the solution passes {test.Method}", test.Outcome == TestOutcome.Passed, test.Message);
        if (solution.AllTests.Count() != starter.AllTests.Count())
            Add("the starter and the solution have the same tests", false,
                $"{starter.AllTests.Count()} tests against the starter, {solution.AllTests.Count()} against the solution");
        return checks;
    }
}
