using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workbook.Notebooks.Documents;

namespace Workbook.Notebooks.Checking;

/// <summary>
/// Finds committed outputs that describe the machine they were produced on rather than the
/// lesson: IP addresses, absolute paths (home folders, <c>/tmp</c>, <c>/work</c>, Windows user
/// folders, the repository's own path) and the JavaScript bootstrap .NET Interactive adds to the
/// first cell it runs (it lists the machine's addresses). Such outputs leak details of whoever
/// regenerated the notebook and differ on every machine; run the notebook with the workbook's
/// CLI instead.
/// </summary>
public static partial class MachineSpecificOutput
{
    /// <summary>One line per offending output: the cell (counting every cell from 1), what was
    /// found and where in the text.</summary>
    public static IReadOnlyList<string> Find(NotebookDocument notebook, string repositoryRoot)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));
        var problems = new List<string>();
        foreach (var cell in notebook.CodeCells)
        {
            foreach (var output in cell.Outputs.OfType<JsonObject>())
            {
                foreach (var text in Texts(output))
                {
                    if (Problem(text, root) is { } found)
                    {
                        problems.Add($"cell {cell.Index + 1}: a committed output carries machine-specific data: {found}");
                        goto nextCell;
                    }
                }
            }
        nextCell:;
        }
        return problems;
    }

    /// <summary>What in <paramref name="text"/> is machine-specific, or null.</summary>
    internal static string? Problem(string text, string repositoryRoot)
    {
        if (text.Contains("dotnet-interactive-this-cell", StringComparison.Ordinal) || text.Contains("probeAddresses", StringComparison.Ordinal))
            return ".NET Interactive's JavaScript bootstrap";
        if (text.Contains(repositoryRoot, StringComparison.OrdinalIgnoreCase))
            return $"the repository's absolute path ({repositoryRoot})";
        if (AbsolutePath().Match(text) is { Success: true } path) return $"an absolute path ({path.Value})";
        if (Ipv4().Matches(text).FirstOrDefault(m => m.Groups.Cast<Group>().Skip(1).All(g => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture) <= 255)) is { } ip)
            return $"an IP address ({ip.Value})";
        if (Ipv6().Match(text) is { Success: true } ip6) return $"an IP address ({ip6.Value})";
        return null;
    }

    private static IEnumerable<string> Texts(JsonObject output)
    {
        if (output["text"] is { } stream) yield return IpynbFormat.JoinText(stream);
        if (output["evalue"] is JsonValue evalue) yield return evalue.GetValue<string>();
        foreach (var line in output["traceback"] as JsonArray ?? []) yield return line?.GetValue<string>() ?? "";
        foreach (var (_, value) in output["data"] as JsonObject ?? []) yield return value is JsonArray or JsonValue ? IpynbFormat.JoinText(value) : "";
    }

    [GeneratedRegex(@"(?<![\w.])(?:/(?:home|Users|tmp|work|root|var/folders|private/var)/[^\s""'<>]*|[A-Za-z]:\\(?:Users|Temp|Windows)\\[^\s""'<>]*)")]
    private static partial Regex AbsolutePath();

    // Not after "<" or "&lt;": Erlang prints references as #Ref<0.0.0.1>.
    [GeneratedRegex(@"(?<![\w.<;])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w.])")]
    private static partial Regex Ipv4();

    // Full or compressed IPv6 with at least three groups, as in http://[fd00::2]:2048.
    [GeneratedRegex(@"(?<![\w:])(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}(?![\w:])|(?<![\w:])[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4})*::[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4})*(?![\w:])")]
    private static partial Regex Ipv6();
}
