using Workbook.Grader.Discovery;
using Workbook.Grader.Integrity;
using Workbook.Grader.Running;

namespace Workbook.Grader.Grading;

/// <summary>Grades labs: builds each one's tests against the chosen source, runs them in child
/// processes, and files every test under the README task its name points to.</summary>
/// <param name="settings">Where the workbook is, what to grade, the time limits.</param>
/// <param name="progress">Told what is happening, for people watching; may be null.</param>
public sealed class LabGrader(GraderSettings settings, Action<string>? progress = null)
{
    /// <summary>Grades every lab in <paramref name="labs"/>, one after another.</summary>
    /// <remarks>Several labs build together in one <c>dotnet build</c>, which is much faster than
    /// one build each; if that fails, each lab builds on its own so that the compiler errors land
    /// on the lab they belong to and the other labs are still graded.</remarks>
    public async Task<GradeReport> GradeAsync(IReadOnlyList<LabInfo> labs, CancellationToken cancel = default)
    {
        var each = this;
        if (settings.Build && labs.Count > 1)
        {
            progress?.Invoke($"building {labs.Count} labs against {settings.Source}/");
            if (await LabBuild.RunAllAsync([.. labs.Select(l => l.TestProject)], settings, cancel).ConfigureAwait(false))
                each = new LabGrader(settings with { Build = false }, progress);
            else
                progress?.Invoke("some lab does not build; building them one by one");
        }
        var results = new List<LabResult>();
        foreach (var lab in labs) results.Add(await each.GradeAsync(lab, cancel).ConfigureAwait(false));
        return new GradeReport(settings.Source, results);
    }

    /// <summary>Grades one lab.</summary>
    public async Task<LabResult> GradeAsync(LabInfo lab, CancellationToken cancel = default)
    {
        var readme = LabReadme.Load(lab);
        var title = readme.Title ?? lab.Name;
        if (settings.Build) progress?.Invoke($"{lab.Name}: building against {settings.Source}/");
        var build = await LabBuild.RunAsync(lab.TestProject, settings, cancel).ConfigureAwait(false);
        if (!build.Succeeded)
        {
            var unbuilt = TamperCheck.Check(settings.Root, settings.Reference, lab, null);
            return new LabResult(lab.Number, lab.Name, title, false, build.Problem, Assign(readme, [], unbuilt), []) { Integrity = unbuilt };
        }

        progress?.Invoke($"{lab.Name}: running the tests");
        var (tests, problem) = await TestRun.RunAsync(build.TestAssembly!, lab.Name, settings, m => progress?.Invoke($"{lab.Name}: {m}"), cancel).ConfigureAwait(false);
        // After the run, so that what the lab's code did to the files while it ran is seen too.
        var integrity = TamperCheck.Check(settings.Root, settings.Reference, lab, build.TestAssembly);
        return new LabResult(lab.Number, lab.Name, title, true, problem, Assign(readme, tests, integrity), [.. tests.Where(t => t.Task is null)]) { Integrity = integrity };
    }

    // The README's tasks in order, then any task number that only tests mention.
    private static List<TaskResult> Assign(LabReadme readme, IReadOnlyList<TestResult> tests, LabIntegrity integrity)
    {
        var byTask = tests.Where(t => t.Task is not null).GroupBy(t => t.Task!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var tasks = readme.Tasks.Select(t => new TaskResult(t.Number, t.Title, t.Hint, byTask.GetValueOrDefault(t.Number) ?? [])).ToList();
        foreach (var extra in byTask.Keys.Except(readme.Tasks.Select(t => t.Number)).Order())
            tasks.Add(new TaskResult(extra, "(not in the README)", null, byTask[extra]));
        return [.. tasks.Select(t => t with { Tampered = integrity.Touches(t.Number) })];
    }
}
