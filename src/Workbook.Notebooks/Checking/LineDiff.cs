using System.Text;

namespace Workbook.Notebooks.Checking;

/// <summary>A small line diff (longest common subsequence) for failure messages: unchanged lines
/// start with two spaces, removed ones with <c>- </c>, added ones with <c>+ </c>. Long lines
/// (an SVG is one line) are cut around their first difference.</summary>
internal static class LineDiff
{
    private const int MaxLine = 160;

    public static string Render(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        if ((long)a.Length * b.Length > 4_000_000) return FirstDifferingLine(a, b);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var text = new StringBuilder();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { text.Append("  ").AppendLine(Cut(a[x], 0)); x++; y++; }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                text.Append("- ").AppendLine(Cut(a[x], y < b.Length ? FirstDifference(a[x], b[y]) : 0)); x++;
            }
            else
            {
                text.Append("+ ").AppendLine(Cut(b[y], x < a.Length ? FirstDifference(a[x], b[y]) : 0)); y++;
            }
        }
        return text.ToString();
    }

    // Too long to diff in full: show where the two first part.
    private static string FirstDifferingLine(string[] a, string[] b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        var committed = i < a.Length ? Cut(a[i], i < b.Length ? FirstDifference(a[i], b[i]) : 0) : "(end)";
        var fresh = i < b.Length ? Cut(b[i], i < a.Length ? FirstDifference(a[i], b[i]) : 0) : "(end)";
        return $"first difference at output line {i + 1} ({a.Length} lines committed, {b.Length} fresh):\n- {committed}\n+ {fresh}\n";
    }

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }

    private static string Cut(string line, int around)
    {
        if (line.Length <= MaxLine) return line;
        var start = Math.Clamp(around - MaxLine / 2, 0, line.Length - MaxLine);
        return (start > 0 ? "…" : "") + line.Substring(start, MaxLine) + (start + MaxLine < line.Length ? "…" : "");
    }
}
