using System.Text.RegularExpressions;

namespace Workbook.Testing;

/// <summary>
/// The one rule that ties a grading test to a lab task: its method name starts with
/// <c>Task&lt;N&gt;_</c>, for example <c>Task2_CounterCountsEveryIncrement</c>. The grader reads
/// the task number from the name; a student filters with <c>-method "*Task2_*"</c>.
/// </summary>
public static partial class TaskNaming
{
    /// <summary>The task number in a test's method name (or fully qualified name), or null when
    /// the name does not follow the rule.</summary>
    public static int? TaskOf(string testName)
    {
        ArgumentNullException.ThrowIfNull(testName);
        var method = testName[(testName.LastIndexOf('.') + 1)..];
        var m = Pattern().Match(method);
        return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^Task(\d+)_")]
    private static partial Regex Pattern();
}
