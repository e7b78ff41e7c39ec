using System.CommandLine;
using Spectre.Console;
using Workbook.Grader;

var solutions = new Option<bool>("--solutions") { Description = "Grade the reference solutions (solutions/) instead of the labs (labs/)." };
var lab = new Option<int[]>("--lab") { Description = "Grade only this lab number (repeatable), for example --lab 1.", AllowMultipleArgumentsPerToken = true };
var json = new Option<string?>("--json") { Description = "Also write the results as JSON to this file, for a classroom's tooling." };
var threshold = new Option<double?>("--threshold") { Description = "Exit with code 1 if fewer than this percentage of tasks pass (otherwise the exit code is 0 whatever the score)." };
var checkStarters = new Option<bool>("--check-starters") { Description = "Check that every starter compiles and fails every test, and every solution passes every test (CI)." };
var root = new Option<string?>("--root") { Description = "The workbook's root folder (default: found upward from the current folder)." };
var noBuild = new Option<bool>("--no-build") { Description = "Do not build first; use what the last build produced." };
var runTimeout = new Option<int>("--run-timeout") { Description = "Seconds a lab's whole test run may take before its tests run one by one.", DefaultValueFactory = _ => 120 };
var testTimeout = new Option<int>("--test-timeout") { Description = "Seconds one test may take when tests run one by one.", DefaultValueFactory = _ => 30 };
var memoryLimit = new Option<int>("--memory-limit") { Description = "Megabytes of managed memory one lab's tests may use before they fail with \"out of memory\" (0: no limit).", DefaultValueFactory = _ => 2048 };
var reference = new Option<string>("--reference") { Description = "The git revision whose tests and snapshots count as the committed ones (tamper check), for example origin/main.", DefaultValueFactory = _ => "HEAD" };
var hint = new Option<string?>("--hint") { Description = "Show the hint for one task instead of grading: --hint 2.3 is lab 2, task 3." };

var command = new RootCommand("Grades the workbook's labs: builds and runs each lab's tests, and shows which tasks pass, with the first failing check and its hint.")
{
    solutions, lab, json, threshold, checkStarters, root, noBuild, runTimeout, testTimeout, memoryLimit, reference, hint,
};
threshold.Validators.Add(r =>
{
    if (r.GetValueOrDefault<double?>() is { } t && (t < 0 || t > 100)) r.AddError("--threshold must be a percentage between 0 and 100.");
});
memoryLimit.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--memory-limit must be a number of megabytes (0 for no limit)."); });
foreach (var o in new[] { runTimeout, testTimeout })
    o.Validators.Add(r => { if (r.GetValueOrDefault<int>() <= 0) r.AddError($"{o.Name} must be a positive number of seconds."); });

command.SetAction((parse, cancel) => GraderApp.RunAsync(new GraderRequest
{
    Solutions = parse.GetValue(solutions),
    Labs = parse.GetValue(lab) ?? [],
    JsonFile = parse.GetValue(json),
    Threshold = parse.GetValue(threshold),
    CheckStarters = parse.GetValue(checkStarters),
    Root = parse.GetValue(root),
    NoBuild = parse.GetValue(noBuild),
    RunTimeoutSeconds = parse.GetValue(runTimeout),
    TestTimeoutSeconds = parse.GetValue(testTimeout),
    MemoryLimitMegabytes = parse.GetValue(memoryLimit),
    Reference = parse.GetValue(reference) ?? "HEAD",
    Hint = parse.GetValue(hint),
}, Console(), cancel));

var result = command.Parse(args);
// Usage errors get the same exit code as "could not grade", not 1 (which means "below the threshold").
return result.Errors.Count > 0 ? await ReportUsage(result) : await result.InvokeAsync();

// Plain text when the output goes to a file or a CI log; colours on a terminal.
static IAnsiConsole Console() => System.Console.IsOutputRedirected
    ? AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors })
    : AnsiConsole.Console;

static Task<int> ReportUsage(ParseResult result)
{
    foreach (var e in result.Errors) System.Console.Error.WriteLine(e.Message);
    System.Console.Error.WriteLine("Run with --help for the options.");
    return Task.FromResult(GraderApp.CouldNotGrade);
}
