using System.Text;
using System.Text.RegularExpressions;

namespace Workbook.Grader.Discovery;

/// <summary>One numbered task of a lab, as its README states it.</summary>
/// <param name="Number">N in <c>## Task N: Title</c>.</param>
/// <param name="Title">The heading's text after the colon.</param>
/// <param name="Hint">The task's hint: its section of HINTS.md or, for a README still written the
/// old way, its <c>&gt; **Hint:** ...</c> block without the markup; null when it has none.</param>
public sealed record LabTask(int Number, string Title, string? Hint);

/// <summary>
/// What the grader reads from a lab's README: the title (the first <c># </c> heading) and the
/// tasks (<c>## Task N: Title</c> headings, each with an optional block quote starting
/// <c>&gt; **Hint:**</c>).
/// </summary>
/// <param name="Title">The lab's title, or null when the README has no <c># </c> heading.</param>
/// <param name="Tasks">The tasks, in the order written.</param>
public sealed partial record LabReadme(string? Title, IReadOnlyList<LabTask> Tasks)
{
    /// <summary>An empty description, for a lab whose README is missing.</summary>
    public static LabReadme None { get; } = new(null, []);

    /// <summary>Reads <paramref name="path"/>; <see cref="None"/> when it does not exist.</summary>
    public static LabReadme Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : None;

    /// <summary>The README of <paramref name="lab"/> with each task's hint taken from the lab's
    /// HINTS.md, where that file has one (it wins over a hint block left in the README).</summary>
    public static LabReadme Load(LabInfo lab)
    {
        ArgumentNullException.ThrowIfNull(lab);
        var readme = Load(lab.Readme);
        var hints = LabHints.Load(lab.Hints);
        if (hints.Count == 0) return readme;
        return readme with { Tasks = [.. readme.Tasks.Select(t => hints.TryGetValue(t.Number, out var h) ? t with { Hint = h } : t)] };
    }

    /// <summary>Parses README text.</summary>
    public static LabReadme Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        string? title = null;
        var tasks = new List<LabTask>();
        (int Number, string Title)? current = null;
        StringBuilder? hint = null;
        string? currentHint = null;
        var inFence = false;

        void Close()
        {
            if (current is { } c) tasks.Add(new LabTask(c.Number, c.Title, currentHint));
            current = null;
            currentHint = null;
        }

        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            if (inFence) continue;
            if (hint is not null)
            {
                if (line.StartsWith('>')) { hint.Append(' ').Append(line.TrimStart('>').Trim()); continue; }
                currentHint = hint.ToString().Trim();
                hint = null;
            }
            if (title is null && line.StartsWith("# ", StringComparison.Ordinal)) { title = line[2..].Trim(); continue; }
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Close();
                var m = TaskHeading().Match(line);
                if (m.Success) current = (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value.Trim());
                continue;
            }
            if (current is not null && currentHint is null && HintStart().Match(line) is { Success: true } h)
                hint = new StringBuilder(h.Groups[1].Value.Trim());
        }
        if (hint is not null) currentHint = hint.ToString().Trim();
        Close();
        return new LabReadme(title, tasks);
    }

    [GeneratedRegex(@"^##\s+Task\s+(\d+)\s*[:.\-–]\s*(.+)$")]
    private static partial Regex TaskHeading();

    [GeneratedRegex(@"^>\s*\*\*Hint:?\*\*:?\s*(.*)$")]
    private static partial Regex HintStart();
}
