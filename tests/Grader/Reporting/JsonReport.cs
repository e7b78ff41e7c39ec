using System.Text.Json;
using System.Text.Json.Serialization;
using Workbook.Grader.Grading;

namespace Workbook.Grader.Reporting;

/// <summary>
/// The grader's machine-readable results, for a classroom's tooling. The shape is stable:
/// <c>{ source, generatedAt, trusted, passedTasks, totalTasks, percent, labs: [ { number, name,
/// title, compiled, problem, trusted, reference, tampered, leftRunning, passedTasks, totalTasks,
/// tasks: [ { number, title, hint, passed, tampered, tests: [ { name, outcome, message } ] } ],
/// unassignedTests } ] }</c>; outcomes are <c>passed</c>, <c>failed</c>, <c>crashed</c>,
/// <c>timedOut</c> or <c>notRun</c>. A lab's <c>trusted</c> is true only when its tests and
/// snapshots were compared with the committed ones (<c>reference</c>) and found equal;
/// <c>tampered</c> lists what differs (<c>null</c> when no comparison could be made, with the
/// reason in <c>uncheckedReason</c>).
/// </summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The report as JSON text.</summary>
    public static string Serialize(GradeReport report, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        var dto = new
        {
            report.Source,
            GeneratedAt = generatedAt,
            Trusted = report.Labs.All(l => l.Integrity.Trusted),
            report.PassedTasks,
            report.TotalTasks,
            Percent = Math.Round(report.Percent, 1),
            Labs = report.Labs.Select(l => new
            {
                l.Number,
                l.Name,
                l.Title,
                l.Compiled,
                l.Problem,
                l.Integrity.Trusted,
                l.Integrity.Reference,
                Tampered = l.Integrity.Unchecked is null ? l.Integrity.Findings.Select(f => new { f.Path, f.What, f.Tasks }) : null,
                UncheckedReason = l.Integrity.Unchecked,
                LeftRunning = l.LeftRunning,
                l.PassedTasks,
                TotalTasks = l.Tasks.Count,
                Tasks = l.Tasks.Select(t => new
                {
                    t.Number,
                    t.Title,
                    t.Hint,
                    t.Passed,
                    t.Tampered,
                    Tests = t.Tests.Select(Test),
                }),
                UnassignedTests = l.Unassigned.Select(Test),
            }),
        };
        return JsonSerializer.Serialize(dto, Options);
    }

    private static object Test(TestResult t) => new { t.Name, t.Outcome, t.Message };
}
