using System.Text;
using System.Text.RegularExpressions;

namespace Workbook.Grader.Discovery;

/// <summary>
/// A lab's hints, kept apart from its README as rustlings and Exercism keep them, and shown only
/// on request (<c>--hint 2.3</c>): <c>labs/LabNN.Topic/HINTS.md</c>, one <c>## Task N</c> section
/// per task (a title after the number is allowed and ignored); everything up to the next
/// <c>## </c> heading is the hint. Text before the first section is for people and is not a hint.
/// </summary>
public static partial class LabHints
{
    /// <summary>The hints by task number; empty when the file does not exist.</summary>
    public static IReadOnlyDictionary<int, string> Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path)) : new Dictionary<int, string>();

    /// <summary>Parses HINTS.md text.</summary>
    public static IReadOnlyDictionary<int, string> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var hints = new Dictionary<int, string>();
        int? task = null;
        var text = new StringBuilder();
        var inFence = false;

        void Close()
        {
            if (task is { } n && text.ToString().Trim() is { Length: > 0 } hint) hints[n] = hint;
            task = null;
            text.Clear();
        }

        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            if (!inFence && line.StartsWith("## ", StringComparison.Ordinal))
            {
                Close();
                if (Section().Match(line) is { Success: true } m) task = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }
            if (!inFence && line.StartsWith("# ", StringComparison.Ordinal)) { Close(); continue; }
            if (task is not null) text.Append(line).Append('\n');
        }
        Close();
        return hints;
    }

    [GeneratedRegex(@"^##\s+Task\s+(\d+)\b")]
    private static partial Regex Section();
}
