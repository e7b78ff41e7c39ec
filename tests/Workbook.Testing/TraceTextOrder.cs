using System.Text.RegularExpressions;

namespace Workbook.Testing;

// Views for fair grading: when a task allows several correct message orders, a snapshot must not
// pin down the one order the reference solution happens to produce. These views keep what a task
// fixes (each process's own sequence of events, which process does what) and drop what it leaves
// open (how independent processes interleave, which pid number a process got, in what order
// answers that may arrive in any order were taken). docs/grading.md, "Fair grading", says when to
// use which.
public static partial class TraceText
{
    /// <summary>The marker that replaces the time column of a line <see cref="AnyOrder"/> sorted.</summary>
    public const string AnyOrderMarker = "any order  ";

    /// <summary>
    /// Each process's own events, one section per process (<c>name:</c>, then its lines in the order
    /// it did them). How the processes interleave, which the scheduler chooses, no longer shows;
    /// the order of each process's own events still does. A line belongs to the process that
    /// acts: the sender of a send, the receiver of a receive, the spawner of a spawn, the process
    /// that exits; a timer's delivery belongs to the process it is delivered to.
    /// </summary>
    /// <remarks>Sections come in a fixed order that does not depend on the run (names first,
    /// alphabetically, then pids by number), so two runs with the same per-process events give the
    /// same text.</remarks>
    public static string PerProcess(string trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in Lines(trace))
        {
            var actor = ActorOf(line);
            if (!sections.TryGetValue(actor, out var lines)) sections[actor] = lines = [];
            lines.Add(line);
        }
        return string.Concat(sections.OrderBy(s => s.Key, ProcessNameComparer.Instance)
            .Select(s => s.Key + ":\n" + string.Concat(s.Value.Select(l => l + "\n"))));
    }

    /// <summary>
    /// Where consecutive lines all match <paramref name="unordered"/>, their order and their times
    /// stop mattering: each such run of lines is sorted, and the time column is replaced by
    /// <see cref="AnyOrderMarker"/>. Use it, usually after <see cref="PerProcess"/>, for events a
    /// task allows in any order, such as answers collected as they arrive.
    /// </summary>
    public static string AnyOrder(string trace, Func<string, bool> unordered)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(unordered);
        var result = new List<string>();
        var run = new List<string>();
        void Flush()
        {
            result.AddRange(run.Order(StringComparer.Ordinal));
            run.Clear();
        }
        foreach (var line in Lines(trace))
        {
            if (unordered(line)) run.Add(AnyOrderMarker + TimePattern().Replace(line, "").TrimStart());
            else
            {
                Flush();
                result.Add(line);
            }
        }
        Flush();
        return string.Concat(result.Select(l => l + "\n"));
    }

    /// <summary>
    /// Renames raw pids (<c>&lt;0.3.0&gt;</c>) by order of first appearance, <c>&lt;P1&gt;</c>,
    /// <c>&lt;P2&gt;</c>, ..., so that a snapshot does not depend on how many processes the code
    /// under test spawned before (helpers, a different start-up order). Apply it to a view that
    /// keeps only the lines a task fixes, so that first appearance means the same role in every
    /// correct answer. Labelled processes keep their labels.
    /// </summary>
    public static string PidsByAppearance(string trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        return PidPattern().Replace(trace, m =>
        {
            if (!names.TryGetValue(m.Value, out var name)) names[m.Value] = name = $"<P{names.Count + 1}>";
            return name;
        });
    }

    /// <summary>
    /// Renames the raw pids that <paramref name="roles"/> names (by their text, <c>&lt;0.3.0&gt;</c>)
    /// to their role, wherever they appear: as the actor of a line or inside a message. Pids it
    /// does not name stay as they are.
    /// </summary>
    public static string Rename(string trace, IReadOnlyDictionary<string, string> roles)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(roles);
        return PidPattern().Replace(trace, m => roles.TryGetValue(m.Value, out var role) ? role : m.Value);
    }

    private static IEnumerable<string> Lines(string trace) =>
        trace.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    // The process a line belongs to. TraceLog writes "<actor> <verb> ...", except for a timer's
    // delivery ("timer delivers <message> to <actor>").
    private static string ActorOf(string line)
    {
        var text = TimePattern().Replace(line, "").TrimStart();
        if (text.StartsWith("timer delivers ", StringComparison.Ordinal))
        {
            var to = text.LastIndexOf(" to ", StringComparison.Ordinal);
            return to < 0 ? "timer" : text[(to + 4)..];
        }
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? text : text[..space];
    }

    [GeneratedRegex(@"<[0-9]+\.[0-9]+\.[0-9]+>")]
    private static partial Regex PidPattern();

    // Names (labels) first, alphabetically; then pids by their numbers, so <0.10.0> follows <0.9.0>.
    private sealed class ProcessNameComparer : IComparer<string>
    {
        public static readonly ProcessNameComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var (px, py) = (PidNumbers(x), PidNumbers(y));
            return (px, py) switch
            {
                (null, null) => StringComparer.Ordinal.Compare(x, y),
                (null, _) => -1,
                (_, null) => 1,
                _ => px.Zip(py, (a, b) => a.CompareTo(b)).FirstOrDefault(c => c != 0),
            };
        }

        private static long[]? PidNumbers(string? name) =>
            name is not null && PidPattern().IsMatch(name) && PidPattern().Match(name).Length == name.Length
                ? [.. name[1..^1].Split('.').Select(n => long.Parse(n, System.Globalization.CultureInfo.InvariantCulture))]
                : null;
    }
}
