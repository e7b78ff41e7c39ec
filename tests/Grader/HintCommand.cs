using System.Text.RegularExpressions;
using Spectre.Console;
using Workbook.Grader.Discovery;

namespace Workbook.Grader;

/// <summary><c>--hint 2.3</c>: one task's hint, on request, the way rustlings shows them; the
/// grader's report only says how to ask.</summary>
public static partial class HintCommand
{
    /// <summary>The command a learner runs for the hint of task <paramref name="task"/> of lab <paramref name="lab"/>.</summary>
    public static string CommandFor(int lab, int task) => $"dotnet run --project tests/Grader -- --hint {lab}.{task}";

    /// <summary>Shows the hint <paramref name="which"/> names (<c>lab.task</c>); returns the exit code.</summary>
    public static int Show(string which, IReadOnlyList<LabInfo> labs, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(which);
        ArgumentNullException.ThrowIfNull(labs);
        ArgumentNullException.ThrowIfNull(console);
        if (Pattern().Match(which.Trim()) is not { Success: true } m)
        {
            console.MarkupLine($"[red]--hint takes a lab and a task, for example --hint 2.3 (lab 2, task 3); got '{Markup.Escape(which)}'.[/]");
            return GraderApp.CouldNotGrade;
        }
        var labNumber = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var taskNumber = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (labs.FirstOrDefault(l => l.Number == labNumber) is not { } lab)
        {
            console.MarkupLine($"[red]No lab {labNumber}. Labs found: {(labs.Count == 0 ? "none" : string.Join(", ", labs.Select(l => l.Number)))}.[/]");
            return GraderApp.CouldNotGrade;
        }
        var readme = LabReadme.Load(lab);
        if (readme.Tasks.FirstOrDefault(t => t.Number == taskNumber) is not { } task)
        {
            console.MarkupLine($"[red]Lab {labNumber} has no task {taskNumber}. Its tasks: {(readme.Tasks.Count == 0 ? "none" : string.Join(", ", readme.Tasks.Select(t => t.Number)))}.[/]");
            return GraderApp.CouldNotGrade;
        }
        console.MarkupLine($"[bold]{Markup.Escape(readme.Title ?? lab.Name)}, task {task.Number}: {Markup.Escape(task.Title)}[/]");
        console.WriteLine();
        if (task.Hint is null)
            console.MarkupLine("[yellow]This task has no hint yet. Read its section of the README again, slowly.[/]");
        else
            console.WriteLine(task.Hint);
        console.WriteLine();
        console.MarkupLine($"[grey]The task itself: {Markup.Escape(Path.GetRelativePath(Directory.GetCurrentDirectory(), lab.Readme).Replace('\\', '/'))}, task {task.Number}.[/]");
        return GraderApp.Ran;
    }

    [GeneratedRegex(@"^(\d+)\.(\d+)$")]
    private static partial Regex Pattern();
}
