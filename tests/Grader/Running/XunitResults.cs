using System.Xml.Linq;
using Workbook.Grader.Grading;

namespace Workbook.Grader.Running;

/// <summary>Reads the results file an xunit v3 test executable writes with <c>-xml &lt;file&gt;</c>
/// (the xUnit.net v2+ XML format).</summary>
public static class XunitResults
{
    /// <summary>The outcome and failure message of every test in <paramref name="path"/>, by
    /// fully qualified name; null when the file is missing or unreadable (the run did not end
    /// normally).</summary>
    /// <param name="path">The XML file.</param>
    /// <param name="labName">The lab's project name, to point at the first stack frame in the lab's own code.</param>
    public static IReadOnlyDictionary<string, (TestOutcome Outcome, string? Message)>? Read(string path, string labName)
    {
        if (!File.Exists(path)) return null;
        XDocument doc;
        try { doc = XDocument.Load(path); }
        catch (System.Xml.XmlException) { return null; }
        var results = new Dictionary<string, (TestOutcome, string?)>(StringComparer.Ordinal);
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
                message = Describe((string?)failure.Attribute("exception-type"), failure.Element("message")?.Value, failure.Element("stack-trace")?.Value, labName);
            else if (outcome == TestOutcome.NotRun)
                message = test.Element("reason")?.Value ?? "The test was skipped or not run.";
            // A theory has one entry per case: keep the worst.
            if (!results.TryGetValue(name, out var seen) || seen.Item1 == TestOutcome.Passed)
                results[name] = (outcome, message);
        }
        return results;
    }

    private static string Describe(string? exceptionType, string? message, string? stack, string labName)
    {
        message = (message ?? "").Trim();
        // The type adds nothing to xunit's own assertion messages or the workbook's helpers.
        var typed = exceptionType is null || exceptionType.StartsWith("Xunit.", StringComparison.Ordinal) || exceptionType.StartsWith("Workbook.Testing.", StringComparison.Ordinal)
            ? message
            : $"{exceptionType}: {message}";
        var where = stack?.Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith($"at {labName}.", StringComparison.Ordinal) && !l.Contains(".Tests.", StringComparison.Ordinal));
        return where is null ? typed : $"{typed}\n  {where}";
    }
}
