using System.Text.RegularExpressions;

namespace Lab02.SelectiveReceive.Tests;

/// <summary>Makes traces fit for snapshots.</summary>
internal static partial class TraceText
{
    /// <summary>References are numbered across the whole test run (they are unique across
    /// nodes), so each is renamed by order of first appearance.</summary>
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

    private static string Keep(string trace, Func<string, bool> keep) =>
        string.Concat(trace.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(keep).Select(l => l + "\n"));

    [GeneratedRegex(@"#Ref<[0-9.]+>")]
    private static partial Regex RefPattern();
}
