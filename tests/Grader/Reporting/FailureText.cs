using Workbook.Testing;

namespace Workbook.Grader.Reporting;

/// <summary>Splits a failure message into its explanation and the snapshot diff it may carry
/// (from <see cref="Snapshot"/>, which starts the diff with <c>--- verified</c>).</summary>
public static class FailureText
{
    /// <summary>The message before the diff, and the diff (null when there is none).</summary>
    public static (string Text, string? Diff) Split(string? message)
    {
        if (string.IsNullOrEmpty(message)) return ("", null);
        var marker = "\n" + UnifiedDiff.HeaderPrefix + "verified\n";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return (message, null);
        return (message[..at], message[(at + 1)..].TrimEnd('\n'));
    }
}
