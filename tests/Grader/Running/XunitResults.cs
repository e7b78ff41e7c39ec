using System.Xml.Linq;
using Workbook.Grader.Grading;

namespace Workbook.Grader.Running;

/// <summary>One test's entry in a results file.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Message">Why it failed, or null.</param>
/// <param name="SourceFile">The test's source file, when the runner knew it.</param>
/// <param name="SourceLine">The test's line in <paramref name="SourceFile"/>, or 0.</param>
public sealed record XunitEntry(TestOutcome Outcome, string? Message, string? SourceFile, int SourceLine);

/// <summary>Reads the results file an xunit v3 test executable writes with <c>-xml &lt;file&gt;</c>
/// (the xUnit.net v2+ XML format).</summary>
public static class XunitResults
{
    /// <summary>The outcome and failure message of every test in <paramref name="path"/>, by
    /// fully qualified name; null when the file is missing or unreadable (the run did not end
    /// normally).</summary>
    /// <param name="path">The XML file.</param>
    /// <param name="labName">The lab's project name, to point at the first stack frame in the lab's own code.</param>
    /// <param name="root">The workbook root; paths under it are shown relative to it.</param>
    public static IReadOnlyDictionary<string, XunitEntry>? Read(string path, string labName, string root)
    {
        if (!File.Exists(path)) return null;
        XDocument doc;
        try { doc = XDocument.Load(path); }
        catch (System.Xml.XmlException) { return null; }
        var results = new Dictionary<string, XunitEntry>(StringComparer.Ordinal);
        foreach (var test in doc.Descendants("test"))
        {
            var type = (string?)test.Attribute("type");
            var method = (string?)test.Attribute("method");
            var name = type is not null && method is not null ? $"{type}.{method}" : (string?)test.Attribute("name") ?? "?";
            var outcome = (string?)test.Attribute("result") switch
            {
                "Pass" => TestOutcome.Passed,
                "Fail" => TestOutcome.Failed,
                _ => TestOutcome.NotRun,
            };
            string? message = null;
            if (test.Element("failure") is { } failure)
                message = Describe(failure.Element("message")?.Value, failure.Element("stack-trace")?.Value, labName, root);
            else if (outcome == TestOutcome.NotRun)
                message = test.Element("reason")?.Value ?? "The test was skipped or not run.";
            // A theory has one entry per case: keep the worst.
            if (!results.TryGetValue(name, out var seen) || seen.Outcome == TestOutcome.Passed)
                results[name] = new XunitEntry(outcome, message, (string?)test.Attribute("source-file"), (int?)test.Attribute("source-line") ?? 0);
        }
        return results;
    }

    // xunit's message already names the exception type where it matters ("System.NotImplementedException : ...").
    private static string Describe(string? message, string? stack, string labName, string root)
    {
        var prefix = root.TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
        message = (message ?? "").Trim().Replace(prefix, "", StringComparison.Ordinal);
        // The workbook's own exceptions explain themselves; their type name is noise to a student.
        if (message.StartsWith("Workbook.Testing.", StringComparison.Ordinal) && message.IndexOf(" : ", StringComparison.Ordinal) is > 0 and var colon)
            message = message[(colon + 3)..];
        var where = stack?.Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith($"at {labName}.", StringComparison.Ordinal) && !l.Contains(".Tests.", StringComparison.Ordinal));
        if (where is null) return message;
        return $"{message}\n  {where.Replace(prefix, "", StringComparison.Ordinal)}";
    }
}
