using Spectre.Console;
using Workbook.Grader.Discovery;
using Workbook.Grader.Grading;
using Workbook.Grader.Reporting;
using Workbook.Grader.Running;

namespace Workbook.Grader;

/// <summary>What the command line asked for.</summary>
public sealed record GraderRequest
{
    /// <summary>The workbook root; null to search upward from the current folder.</summary>
    public string? Root { get; init; }

    /// <summary>Grade the reference solutions instead of the labs.</summary>
    public bool Solutions { get; init; }

    /// <summary>Grade only these lab numbers (all when empty).</summary>
    public IReadOnlyList<int> Labs { get; init; } = [];

    /// <summary>Also write the results as JSON to this file.</summary>
    public string? JsonFile { get; init; }

    /// <summary>Exit with <see cref="GraderApp.BelowThreshold"/> when fewer than this percentage of tasks pass.</summary>
    public double? Threshold { get; init; }

    /// <summary>Check the starters and solutions instead of grading.</summary>
    public bool CheckStarters { get; init; }

    /// <summary>Skip building (the caller just built).</summary>
    public bool NoBuild { get; init; }

    /// <summary>Seconds one lab's whole test run may take.</summary>
    public int RunTimeoutSeconds { get; init; } = 120;

    /// <summary>Seconds one test may take when tests run one at a time.</summary>
    public int TestTimeoutSeconds { get; init; } = 30;

    /// <summary>Megabytes of managed heap one lab's test process may use; 0 for no limit.</summary>
    public int MemoryLimitMegabytes { get; init; } = 2048;

    /// <summary>The git revision whose tests and snapshots count as the committed ones.</summary>
    public string Reference { get; init; } = "HEAD";

    /// <summary>Show the hint of this task (<c>2.3</c>: lab 2, task 3) instead of grading.</summary>
    public string? Hint { get; init; }
}

/// <summary>The grader's modes and exit codes, apart from command-line parsing.</summary>
public static class GraderApp
{
    /// <summary>It ran (whatever the score), or every starter check held.</summary>
    public const int Ran = 0;

    /// <summary>The score is below <c>--threshold</c>, or a starter check failed.</summary>
    public const int BelowThreshold = 1;

    /// <summary>It could not grade: no workbook here, no such lab, a file it could not write.</summary>
    public const int CouldNotGrade = 2;

    /// <summary>Runs what <paramref name="request"/> asks, reporting to <paramref name="console"/>.</summary>
    public static async Task<int> RunAsync(GraderRequest request, IAnsiConsole console, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        var root = request.Root is { } r ? Path.GetFullPath(r) : LabCatalog.FindRoot(Directory.GetCurrentDirectory());
        if (root is null || !Directory.Exists(Path.Combine(root, "tests")))
        {
            console.MarkupLine("[red]Cannot find the workbook (a folder with labs/ and tests/). Run from inside it or pass --root.[/]");
            return CouldNotGrade;
        }
        var labs = LabCatalog.Find(root);
        if (request.Hint is { } hint) return HintCommand.Show(hint, labs, console);
        if (request.Labs.Count > 0)
        {
            var missing = request.Labs.Except(labs.Select(l => l.Number)).ToList();
            if (missing.Count > 0)
            {
                console.MarkupLine($"[red]No lab {string.Join(", ", missing)}. Labs found: {(labs.Count == 0 ? "none" : string.Join(", ", labs.Select(l => l.Number)))}.[/]");
                return CouldNotGrade;
            }
            labs = [.. labs.Where(l => request.Labs.Contains(l.Number))];
        }
        var settings = new GraderSettings
        {
            Root = root,
            Build = !request.NoBuild,
            RunLimit = TimeSpan.FromSeconds(request.RunTimeoutSeconds),
            TestLimit = TimeSpan.FromSeconds(request.TestTimeoutSeconds),
            MemoryLimitMegabytes = request.MemoryLimitMegabytes,
            Reference = request.Reference,
        };
        void Progress(string m) => console.MarkupLine($"[grey]{Markup.Escape(m)}[/]");

        return request.CheckStarters
            ? await CheckStartersAsync(labs, settings, console, Progress, cancel).ConfigureAwait(false)
            : await GradeAsync(request, labs, settings with { Source = request.Solutions ? "solutions" : "labs" }, console, Progress, cancel).ConfigureAwait(false);
    }

    private static async Task<int> GradeAsync(GraderRequest request, IReadOnlyList<LabInfo> labs, GraderSettings settings, IAnsiConsole console, Action<string> progress, CancellationToken cancel)
    {
        var report = await new LabGrader(settings, progress).GradeAsync(labs, cancel).ConfigureAwait(false);
        ConsoleReport.Write(console, report);
        if (request.JsonFile is { } file)
        {
            try
            {
                await File.WriteAllTextAsync(file, JsonReport.Serialize(report, DateTimeOffset.UtcNow), cancel).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.MarkupLine($"[red]Could not write {Markup.Escape(file)}: {Markup.Escape(ex.Message)}[/]");
                return CouldNotGrade;
            }
            console.MarkupLine($"[grey]Results written to {Markup.Escape(file)}[/]");
        }
        if (request.Threshold is { } threshold && report.Percent < threshold)
        {
            console.MarkupLine($"[red]Below the threshold: {report.Percent:0.#}% < {threshold:0.#}%.[/]");
            return BelowThreshold;
        }
        return Ran;
    }

    private static async Task<int> CheckStartersAsync(IReadOnlyList<LabInfo> labs, GraderSettings settings, IAnsiConsole console, Action<string> progress, CancellationToken cancel)
    {
        var checks = new List<Check>();
        // A maintainer checks work in progress here, before committing it: no tamper check.
        settings = settings with { Reference = null };
        var starters = await new LabGrader(settings with { Source = "labs" }, progress).GradeAsync(labs, cancel).ConfigureAwait(false);
        var solutions = await new LabGrader(settings with { Source = "solutions" }, progress).GradeAsync(labs, cancel).ConfigureAwait(false);
        for (var i = 0; i < labs.Count; i++)
            checks.AddRange(StarterCheck.Evaluate(labs[i], starters.Labs[i], solutions.Labs[i]));
        if (labs.Count == 0) checks.Add(new Check("(workbook)", "at least one lab exists", false, "no tests/LabNN.Topic.Tests folder"));
        ConsoleReport.Write(console, checks);
        var failed = checks.Count(c => !c.Ok);
        // A plain line for scripts (.ci/steps/starters.sh reads it).
        console.WriteLine($"starter checks: {checks.Count - failed} passed, {failed} failed");
        return failed == 0 ? Ran : BelowThreshold;
    }
}
