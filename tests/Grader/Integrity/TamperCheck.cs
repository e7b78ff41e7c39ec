using System.Text;
using System.Text.RegularExpressions;
using Workbook.Grader.Discovery;
using Workbook.Testing;

namespace Workbook.Grader.Integrity;

/// <summary>
/// Compares what a lab was graded with against a committed revision of the workbook: the
/// sources and snapshots built into the test assembly (what actually ran), and, on disk after
/// the run, the lab's test project and the files all grading depends on. Any difference is a
/// <see cref="TamperFinding"/>; the grader fails the tasks it touches and marks the lab as not
/// trusted.
/// </summary>
/// <remarks>Reading from disk after the run catches lab code that rewrote a file while the tests
/// ran (it could not change the result: snapshots are read from the assembly); reading the
/// assembly catches a file changed before or during the build and put back afterwards.</remarks>
public static partial class TamperCheck
{
    /// <summary>Files outside the lab's test project that every lab's grading depends on.</summary>
    public static IReadOnlyList<string> SharedFiles { get; } =
    [
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NuGet.config", "nuget.config",
        "tests/Directory.Build.props", "tests/Directory.Build.targets", "labs/Directory.Build.props", "labs/Directory.Build.targets",
    ];

    /// <summary>The folder of the snapshot helper and the guarded run every lab's tests use.</summary>
    public const string SharedFolder = "tests/Workbook.Testing";

    private static readonly string[] SkippedFolders = ["bin", "obj", "TestResults"];

    /// <summary>Compares lab <paramref name="lab"/> with <paramref name="revision"/> (null: do not
    /// compare). <paramref name="testAssembly"/> is the built tests, or null when they did not build.</summary>
    public static LabIntegrity Check(string root, string? revision, LabInfo lab, string? testAssembly)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(lab);
        if (revision is null) return LabIntegrity.NotAsked;
        var (commit, problem) = Git.Resolve(root, revision);
        if (commit is null) return new LabIntegrity(revision, problem, []);
        var reference = $"{revision} ({commit[..Math.Min(7, commit.Length)]})";
        var testFolder = Relative(root, Path.GetDirectoryName(lab.TestProject)!);
        IReadOnlyDictionary<string, string> committed;
        try { committed = Git.Files(root, commit, [testFolder, SharedFolder, .. SharedFiles]); }
        catch (InvalidOperationException ex) { return new LabIntegrity(reference, ex.Message, []); }

        var seen = new Findings(root, committed, testFolder);
        if (testAssembly is not null)
        {
            const string ran = "in the tests that ran";
            if (EmbeddedGradingFiles.Read(testAssembly) is not { } embedded)
                seen.Add(testFolder, "the built tests carry no copy of their sources and snapshots to compare", ran, null);
            else
            {
                foreach (var (name, bytes) in embedded)
                {
                    var path = $"{testFolder}/{name}";
                    if (!committed.TryGetValue(path, out var id)) seen.Add(path, "added", ran, bytes);
                    else if (!GitBlob.Matches(bytes, id)) seen.Add(path, "changed", ran, bytes);
                }
                foreach (var path in committed.Keys.Where(p => p.StartsWith(testFolder + "/", StringComparison.Ordinal) && p.EndsWith(".verified.txt", StringComparison.Ordinal)))
                    if (!embedded.ContainsKey(path[(testFolder.Length + 1)..])) seen.Add(path, "deleted", ran, null);
            }
        }

        const string disk = "on disk after the run";
        var onDisk = OnDisk(root, [testFolder, SharedFolder]).Concat(SharedFiles.Where(f => File.Exists(Path.Combine(root, f)))).ToHashSet(StringComparer.Ordinal);
        foreach (var path in onDisk)
        {
            byte[] bytes;
            try { bytes = File.ReadAllBytes(Path.Combine(root, path)); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { seen.Add(path, "unreadable", disk, null); continue; }
            if (!committed.TryGetValue(path, out var id)) seen.Add(path, "added", disk, bytes);
            else if (!GitBlob.Matches(bytes, id)) seen.Add(path, "changed", disk, bytes);
        }
        foreach (var path in committed.Keys.Where(p => !onDisk.Contains(p)))
            seen.Add(path, "deleted", disk, null);
        return new LabIntegrity(reference, null, seen.ToList());
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    // Every file under the folders, except build output and the received snapshots a failing run writes.
    private static IEnumerable<string> OnDisk(string root, IEnumerable<string> folders)
    {
        foreach (var folder in folders)
        {
            var full = Path.Combine(root, folder);
            if (!Directory.Exists(full)) continue;
            foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
            {
                var relative = Relative(root, file);
                var inside = relative[(folder.Length + 1)..].Split('/');
                if (inside[..^1].Any(SkippedFolders.Contains)) continue;
                if (inside[^1].Contains(".received.", StringComparison.Ordinal)) continue;
                yield return relative;
            }
        }
    }

    // Collects findings by path: one per file, naming every place it was seen.
    private sealed class Findings(string root, IReadOnlyDictionary<string, string> committed, string testFolder)
    {
        private readonly Dictionary<string, (string Kind, List<string> Places, IReadOnlyList<int> Tasks)> _byPath = new(StringComparer.Ordinal);

        public void Add(string path, string kind, string place, byte[]? current)
        {
            if (_byPath.TryGetValue(path, out var known)) { if (!known.Places.Contains(place)) known.Places.Add(place); return; }
            _byPath[path] = (kind, [place], TasksOf(path, current));
        }

        public List<TamperFinding> ToList() =>
            [.. _byPath.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new TamperFinding(p.Key, $"{p.Value.Kind} ({string.Join(", and ", p.Value.Places)})", p.Value.Tasks))];

        // A snapshot belongs to the task its test names; a test source to every task it mentions,
        // before or after the change. Anything else (a project file, a shared file, a helper) to all.
        private IReadOnlyList<int> TasksOf(string path, byte[]? current)
        {
            if (!path.StartsWith(testFolder + "/", StringComparison.Ordinal)) return [];
            var file = path[(path.LastIndexOf('/') + 1)..];
            if (file.EndsWith(".verified.txt", StringComparison.Ordinal))
                return TaskNaming.TaskOf(file[..^".verified.txt".Length]) is { } n ? [n] : [];
            if (!file.EndsWith(".cs", StringComparison.Ordinal)) return [];
            var texts = new List<string>();
            if (current is not null) texts.Add(Encoding.UTF8.GetString(current));
            if (committed.TryGetValue(path, out var id) && Git.Blob(root, id) is { } before) texts.Add(Encoding.UTF8.GetString(before));
            return [.. texts.SelectMany(t => TaskMention().Matches(t).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))).Distinct().Order()];
        }
    }

    [GeneratedRegex(@"\bTask(\d+)_")]
    private static partial Regex TaskMention();
}
