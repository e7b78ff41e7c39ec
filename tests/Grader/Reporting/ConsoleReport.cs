using Spectre.Console;
using Workbook.Grader.Grading;

namespace Workbook.Grader.Reporting;

/// <summary>Shows a <see cref="GradeReport"/> to people: a table of labs and tasks, then for each
/// lab its first failing check with the task's hint and any snapshot diff, then the totals.</summary>
public static class ConsoleReport
{
    private const int MaxMessageLines = 20;
    private const int MaxDiffLines = 40;

    /// <summary>Writes <paramref name="report"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        console.Write(new Rule($"[bold]Grading {Markup.Escape(report.Source)}/[/]").LeftJustified());
        if (report.Labs.Count == 0)
        {
            console.MarkupLine("[yellow]No labs found (tests/LabNN.Topic.Tests).[/]");
            return;
        }
        console.Write(Table(report));
        WriteIntegrity(console, report);
        foreach (var lab in report.Labs) WriteFirstFailure(console, lab);
        console.WriteLine();
        var colour = report.PassedTasks == report.TotalTasks ? "green" : "yellow";
        console.MarkupLine($"[bold {colour}]Total: {report.PassedTasks} of {report.TotalTasks} tasks passed ({report.Percent:0.#}%)[/]");
    }

    private static Table Table(GradeReport report)
    {
        var width = report.Labs.Max(l => l.Tasks.Count == 0 ? 0 : l.Tasks.Max(t => t.Number));
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Lab");
        for (var n = 1; n <= width; n++) table.AddColumn(new TableColumn($"Task {n}").Centered());
        table.AddColumn(new TableColumn("Passed").RightAligned());
        table.AddColumn(new TableColumn("Tests").Centered());
        foreach (var lab in report.Labs)
        {
            var cells = new List<string> { Markup.Escape(lab.Title) };
            for (var n = 1; n <= width; n++)
            {
                var task = lab.Tasks.FirstOrDefault(t => t.Number == n);
                cells.Add(task is null ? "" : task.Passed ? "[green]pass[/]" : task.Tampered ? "[red]tampered[/]" : lab.Compiled ? "[red]fail[/]" : "[red]no build[/]");
            }
            cells.Add($"{lab.PassedTasks}/{lab.Tasks.Count}");
            cells.Add(lab.Integrity.Tampered ? "[bold red]tampered[/]" : lab.Integrity.Trusted ? "[green]as committed[/]" : "[yellow]not checked[/]");
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    // What differs from the committed tests, lab by lab; a task it touches cannot pass.
    private static void WriteIntegrity(IAnsiConsole console, GradeReport report)
    {
        foreach (var reason in report.Labs.Where(l => !l.Integrity.Trusted && !l.Integrity.Tampered).Select(l => l.Integrity.Unchecked).Distinct())
        {
            console.WriteLine();
            console.MarkupLine($"[yellow]The tests and snapshots were not compared with the committed ones: {Markup.Escape(reason ?? "")}.[/]");
        }
        foreach (var lab in report.Labs.Where(l => l.Integrity.Tampered))
        {
            var findings = lab.Integrity.Findings;
            console.WriteLine();
            console.MarkupLine($"[bold red]{Markup.Escape(lab.Title)}: its tests or snapshots differ from {Markup.Escape(lab.Integrity.Reference ?? "the committed ones")}[/], " +
                "so the tasks they check do not pass and the lab's grade is not to be trusted.");
            var lines = findings.Take(MaxMessageLines).Select(f => $"{f.Path}: {f.What}" + (f.Tasks.Count == 0 ? " [every task]" : $" [task {string.Join(", ", f.Tasks)}]")).ToList();
            if (findings.Count > MaxMessageLines) lines.Add($"... and {findings.Count - MaxMessageLines} more");
            console.Write(new Panel(new Text(string.Join('\n', lines))).Header("tampered").BorderColor(Color.Red));
            var restore = findings.Where(f => !f.What.StartsWith("added", StringComparison.Ordinal)).Select(f => f.Path).ToList();
            var revision = lab.Integrity.Reference is { } r && r.IndexOf(' ') is > 0 and var space ? r[..space] : "HEAD";
            if (restore.Count > 0) console.MarkupLine($"Put them back with: [bold]git checkout {Markup.Escape(revision)} -- {Markup.Escape(string.Join(' ', restore))}[/]");
            if (findings.Any(f => f.What.StartsWith("added", StringComparison.Ordinal))) console.MarkupLine("Remove the added files: grading uses the committed tests only.");
        }
    }

    private static void WriteFirstFailure(IAnsiConsole console, LabResult lab)
    {
        if (!lab.Compiled)
        {
            console.WriteLine();
            console.MarkupLine($"[bold red]{Markup.Escape(lab.Title)}[/] [red]does not build, so no task can pass.[/]");
            console.Write(new Panel(new Text(Cut(lab.Problem ?? "", MaxMessageLines))).Header("build").BorderColor(Color.Red));
            return;
        }
        if (lab.Problem is not null)
        {
            console.WriteLine();
            console.MarkupLine($"[bold red]{Markup.Escape(lab.Title)}:[/] {Markup.Escape(lab.Problem)}");
        }
        if (lab.LeftRunning.ToList() is { Count: > 0 } left)
        {
            console.WriteLine();
            console.MarkupLine($"[bold red]{Markup.Escape(lab.Title)}:[/] its tests left OS processes running; the grader ended them: {Markup.Escape(string.Join(", ", left))}");
        }
        if (lab.FirstFailingTask is not { } task) return;
        console.WriteLine();
        console.MarkupLine($"[bold]{Markup.Escape(lab.Title)}[/], first failing task: [bold]Task {task.Number}: {Markup.Escape(task.Title)}[/]");
        if (task.FirstFailure is { } test)
        {
            var (text, diff) = FailureText.Split(test.Message);
            console.Write(new Panel(new Text(Cut(text, MaxMessageLines)))
                .Header($"{Markup.Escape(test.Method)} ({test.Outcome.ToString().ToLowerInvariant()})")
                .BorderColor(Color.Red));
            if (diff is not null) console.Write(new Panel(Diff(diff)).Header("snapshot diff (- expected, + yours)").BorderColor(Color.Grey));
        }
        else
        {
            console.MarkupLine($"[red]No test checks task {task.Number} (test names must start with Task{task.Number}_).[/]");
        }
        if (task.Tampered && task.Tests.All(t => t.Outcome == TestOutcome.Passed))
            console.MarkupLine($"[red]Its tests passed, but they or their snapshots are not the committed ones (see above), so task {task.Number} does not count.[/]");
        // Hints are shown on request only: trying first is half of the learning.
        if (task.Hint is not null) console.MarkupLine($"[bold yellow]Stuck?[/] Ask for a hint: [bold]{Markup.Escape(HintCommand.CommandFor(lab.Number, task.Number))}[/]");
    }

    private static Markup Diff(string diff)
    {
        var lines = diff.Split('\n');
        var shown = lines.Take(MaxDiffLines).Select(l =>
            l.StartsWith("@@", StringComparison.Ordinal) ? $"[cyan]{Markup.Escape(l)}[/]"
            : l.StartsWith("---", StringComparison.Ordinal) || l.StartsWith("+++", StringComparison.Ordinal) ? $"[bold]{Markup.Escape(l)}[/]"
            : l.StartsWith('-') ? $"[red]{Markup.Escape(l)}[/]"
            : l.StartsWith('+') ? $"[green]{Markup.Escape(l)}[/]"
            : Markup.Escape(l)).ToList();
        if (lines.Length > MaxDiffLines) shown.Add($"[grey]... {lines.Length - MaxDiffLines} more lines[/]");
        return new Markup(string.Join('\n', shown));
    }

    private static string Cut(string text, int maxLines)
    {
        var lines = text.TrimEnd().Split('\n');
        return lines.Length <= maxLines ? string.Join('\n', lines) : string.Join('\n', lines.Take(maxLines)) + $"\n... {lines.Length - maxLines} more lines";
    }

    /// <summary>Writes the result of <c>--check-starters</c>: every failed check, then a summary line.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<Check> checks)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(checks);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Lab").AddColumn("Check").AddColumn("Result");
        foreach (var group in checks.GroupBy(c => c.Lab))
        {
            var failed = group.Where(c => !c.Ok).ToList();
            table.AddRow(Markup.Escape(group.Key), $"{group.Count()} checks", failed.Count == 0 ? "[green]all hold[/]" : $"[red]{failed.Count} fail[/]");
            foreach (var c in failed)
                table.AddRow("", Markup.Escape(c.What), $"[red]{Markup.Escape(Cut(c.Detail ?? "failed", 6))}[/]");
        }
        console.Write(table);
    }
}
