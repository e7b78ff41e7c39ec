using System.Text.RegularExpressions;

namespace Workbook.Grader.Discovery;

/// <summary>Finds the labs of a workbook checkout: every <c>tests/Lab&lt;NN&gt;.&lt;Topic&gt;.Tests</c>
/// folder holding a project of the same name is a lab. Nothing has to be registered anywhere.</summary>
public static partial class LabCatalog
{
    /// <summary>The labs under <paramref name="root"/>, by number.</summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> has no <c>tests</c> folder.</exception>
    public static IReadOnlyList<LabInfo> Find(string root)
    {
        var tests = Path.Combine(root, "tests");
        if (!Directory.Exists(tests)) throw new DirectoryNotFoundException($"No tests folder in {root}: is this the workbook's root?");
        var labs = new List<LabInfo>();
        foreach (var dir in Directory.EnumerateDirectories(tests))
        {
            var folder = Path.GetFileName(dir);
            var m = TestFolder().Match(folder);
            if (!m.Success) continue;
            var project = Path.Combine(dir, folder + ".csproj");
            if (!File.Exists(project)) continue;
            var name = m.Groups["name"].Value;
            labs.Add(new LabInfo(
                int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture),
                name,
                project,
                Path.Combine(root, "labs", name),
                Path.Combine(root, "solutions", name)));
        }
        return [.. labs.OrderBy(l => l.Number).ThenBy(l => l.Name, StringComparer.Ordinal)];
    }

    /// <summary>The workbook root at or above <paramref name="start"/>: the first folder holding
    /// both <c>labs</c> and <c>tests</c>, or null.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "labs")) && Directory.Exists(Path.Combine(dir.FullName, "tests")))
                return dir.FullName;
        return null;
    }

    [GeneratedRegex(@"^(?<name>Lab(?<n>\d+)\.[A-Za-z0-9_.]+)\.Tests$")]
    private static partial Regex TestFolder();
}
