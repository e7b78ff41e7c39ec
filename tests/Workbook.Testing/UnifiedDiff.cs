using System.Text;

namespace Workbook.Testing;

/// <summary>A line-by-line unified diff (the format of <c>diff -u</c> and <c>git diff</c>), small
/// enough to read in a test failure message.</summary>
public static class UnifiedDiff
{
    /// <summary>Lines the diff header starts with; the grader looks for it in failure messages.</summary>
    public const string HeaderPrefix = "--- ";

    private const int Context = 3;
    private const int MaxLines = 4000;

    /// <summary>
    /// The diff from <paramref name="expected"/> to <paramref name="actual"/> with three lines of
    /// context, headed <c>--- expectedName</c> / <c>+++ actualName</c>. Empty when they are equal.
    /// </summary>
    public static string Create(string expected, string actual, string expectedName = "expected", string actualName = "actual")
    {
        if (expected == actual) return "";
        var a = Split(expected);
        var b = Split(actual);
        var sb = new StringBuilder();
        sb.Append(HeaderPrefix).Append(expectedName).Append('\n');
        sb.Append("+++ ").Append(actualName).Append('\n');
        if (a.Length > MaxLines || b.Length > MaxLines)
        {
            sb.Append($"@@ too long to diff ({a.Length} and {b.Length} lines); compare the files @@\n");
            return sb.ToString();
        }
        var ops = Edits(a, b);
        // Group the edit script into hunks with up to three unchanged lines around each change.
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ') { i++; continue; }
            var start = Math.Max(0, i - Context);
            var end = i;
            var lastChange = i;
            while (end < ops.Count && (ops[end].Kind != ' ' || end - lastChange <= 2 * Context))
            {
                if (ops[end].Kind != ' ') lastChange = end;
                end++;
            }
            end = Math.Min(ops.Count, lastChange + Context + 1);
            AppendHunk(sb, ops, start, end);
            i = end;
        }
        if (expected.Length > 0 && actual.Length > 0 && expected.EndsWith('\n') != actual.EndsWith('\n'))
            sb.Append("\\ the two differ in their final newline\n");
        return sb.ToString();
    }

    private static void AppendHunk(StringBuilder sb, List<(char Kind, string Line)> ops, int start, int end)
    {
        int aStart = 0, bStart = 0, aCount = 0, bCount = 0;
        for (var k = 0; k < start; k++)
        {
            if (ops[k].Kind != '+') aStart++;
            if (ops[k].Kind != '-') bStart++;
        }
        for (var k = start; k < end; k++)
        {
            if (ops[k].Kind != '+') aCount++;
            if (ops[k].Kind != '-') bCount++;
        }
        sb.Append($"@@ -{aStart + (aCount == 0 ? 0 : 1)},{aCount} +{bStart + (bCount == 0 ? 0 : 1)},{bCount} @@\n");
        for (var k = start; k < end; k++) sb.Append(ops[k].Kind).Append(ops[k].Line).Append('\n');
    }

    private static string[] Split(string text)
    {
        if (text.Length == 0) return [];
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    // A longest-common-subsequence edit script.
    private static List<(char Kind, string Line)> Edits(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var x = a.Length - 1; x >= 0; x--)
            for (var y = b.Length - 1; y >= 0; y--)
                lcs[x, y] = a[x] == b[y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
        var ops = new List<(char, string)>();
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (i < a.Length && j < b.Length && a[i] == b[j]) { ops.Add((' ', a[i])); i++; j++; }
            else if (j < b.Length && (i == a.Length || lcs[i, j + 1] >= lcs[i + 1, j])) { ops.Add(('+', b[j])); j++; }
            else { ops.Add(('-', a[i])); i++; }
        }
        // Show removals before additions within a change, as diff -u does.
        for (var k = 0; k + 1 < ops.Count; k++)
        {
            if (ops[k].Item1 != '+') continue;
            var m = k;
            while (m < ops.Count && ops[m].Item1 == '+') m++;
            var n = m;
            while (n < ops.Count && ops[n].Item1 == '-') n++;
            if (n > m)
            {
                var block = ops.GetRange(m, n - m).Concat(ops.GetRange(k, m - k)).ToList();
                ops.RemoveRange(k, n - k);
                ops.InsertRange(k, block);
            }
            k = n - 1;
        }
        return ops;
    }
}
