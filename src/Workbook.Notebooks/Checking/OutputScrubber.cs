using System.Text.RegularExpressions;

namespace Workbook.Notebooks.Checking;

/// <summary>
/// Replaces what legitimately differs between two runs of the same notebook before outputs are
/// compared: the repository's absolute path (<c>{repo}</c>), measured durations in ns/µs/us/ms
/// (<c>{duration}</c>), GUIDs (<c>{guid}</c>) and long hexadecimal hashes (<c>{hash}</c>).
/// Virtual times from a deterministic node ("1.500s") are compared as they are. A cell whose
/// output varies in other ways carries the tag <c>output-varies</c> and is run but not compared.
/// </summary>
public sealed partial class OutputScrubber(string repositoryRoot)
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));

    /// <summary>The repository's absolute path, as scrubbed.</summary>
    public string RepositoryRoot => _root;

    /// <summary><paramref name="text"/> with every varying part replaced by its placeholder.</summary>
    public string Scrub(string text)
    {
        text = text.Replace(_root, "{repo}", StringComparison.OrdinalIgnoreCase)
                   .Replace(_root.Replace('\\', '/'), "{repo}", StringComparison.OrdinalIgnoreCase);
        text = Guid().Replace(text, "{guid}");
        text = Hash().Replace(text, "{hash}");
        return Duration().Replace(text, "{duration}");
    }

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\b[0-9a-f]{16,}\b")]
    private static partial Regex Hash();

    [GeneratedRegex(@"\b\d+(?:[.,]\d+)?\s?(?:ns|µs|us|ms)\b")]
    private static partial Regex Duration();
}
