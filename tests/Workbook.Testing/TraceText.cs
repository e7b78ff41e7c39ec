using System.Text.RegularExpressions;

namespace Workbook.Testing;

/// <summary>Makes runtime traces (<c>TraceLog.ToText()</c>) fit for snapshots: stable reference
/// names, and views that keep only the part of a trace a task is graded on.</summary>
public static partial class TraceText
{
    /// <summary>Renames each reference by order of first appearance (<c>#Ref&lt;1&gt;</c>, ...), so a
    /// snapshot does not depend on how many references the code under test made along the way.</summary>
    public static string Stable(string trace)
    {
        var names = new Dictionary<string, string>();
        return RefPattern().Replace(trace, m =>
        {
            if (!names.TryGetValue(m.Value, out var name)) names[m.Value] = name = $"#Ref<{names.Count + 1}>";
            return name;
        });
    }

    /// <summary>Only what crosses between processes (spawns, sends, exits): the protocol, whatever
    /// receives an answer uses inside to get there.</summary>
    public static string Protocol(string trace) => Keep(trace, l => l.Contains(" ! ") || l.Contains(" spawns ") || l.Contains(" exits "));

    /// <summary>Everything but the "times out" of receives that found nothing (how many of
    /// those an answer makes is its own business).</summary>
    public static string WithoutTimeouts(string trace) => Keep(trace, l => !l.EndsWith(" times out", StringComparison.Ordinal));

    /// <summary>The lines <paramref name="keep"/> accepts.</summary>
    public static string Keep(string trace, Func<string, bool> keep) =>
        string.Concat(trace.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(keep).Select(l => l + "\n"));

    /// <summary>The trace without its time column.</summary>
    public static string WithoutTimes(string trace) => TimePattern().Replace(trace, "");

    [GeneratedRegex(@"(?m)^ *[0-9]+\.[0-9]+s  ")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"#Ref<[0-9.]+>")]
    private static partial Regex RefPattern();
}
