using System.Globalization;
using System.Net;
using System.Text;
using Otp.Display;

namespace Workbook.Notebooks.Helpers.KvStore;

/// <summary>
/// A picture of replicas' states over time, drawn as SVG: one row per moment, one column per
/// replica, each row green where every replica holds the same state and red where they differ.
/// Shown as an image by the workbook's kernel (<see cref="ToMimeBundle"/>) and by .NET Interactive
/// (its formatter convention); its plain-text form is the same table as text.
/// </summary>
/// <param name="Title">Printed above the picture.</param>
/// <param name="Replicas">The column headings, one per replica.</param>
/// <param name="Moments">The rows, in order; each has one state per replica.</param>
[TypeFormatterSource(typeof(MimeBundleFormatterSource<ReplicaStates>), PreferredMimeTypes = ["image/svg+xml", "text/plain"])]
public sealed record ReplicaStates(string Title, IReadOnlyList<string> Replicas, IReadOnlyList<StatesAt> Moments) : IMimeBundle
{
    private const int LabelWidth = 230, RowHeight = 30, Top = 58, Pad = 10, CharWidth = 7;
    private const string Agree = "#e2f3e2", Differ = "#f9dcdc";

    /// <summary>Whether every replica holds the same state at each moment, row by row.</summary>
    public IReadOnlyList<bool> Agreement => [.. Moments.Select(m => m.States.Distinct(StringComparer.Ordinal).Count() <= 1)];

    /// <summary>The picture as <c>image/svg+xml</c>, and the table as <c>text/plain</c>.</summary>
    /// <exception cref="ArgumentException">There is no replica, or a row does not have one state per replica.</exception>
    public IReadOnlyDictionary<string, string> ToMimeBundle() =>
        new Dictionary<string, string> { ["image/svg+xml"] = ToSvg(), ["text/plain"] = ToString() };

    /// <summary>The table as text: a title line, then per moment its label, the replicas' states and
    /// <c>agree</c> or <c>differ</c>.</summary>
    public override string ToString()
    {
        Check();
        var sb = new StringBuilder(Title).Append('\n');
        for (var i = 0; i < Moments.Count; i++)
        {
            var m = Moments[i];
            sb.Append(m.Label).Append(": ")
              .Append(string.Join(" | ", Replicas.Select((r, j) => $"{r} {m.States[j]}")))
              .Append(Agreement[i] ? "  (agree)" : "  (differ)").Append('\n');
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>The SVG markup.</summary>
    /// <exception cref="ArgumentException">As for <see cref="ToMimeBundle"/>.</exception>
    public string ToSvg()
    {
        Check();
        // Each column is as wide as its longest state, so nothing is cut off.
        var widths = Replicas.Select((r, j) => Math.Max(r.Length, Moments.Select(m => m.States[j].Length).DefaultIfEmpty(0).Max()) * CharWidth + 2 * Pad).ToList();
        var width = LabelWidth + widths.Sum() + 80;
        var height = Top + Moments.Count * RowHeight + Pad;
        var sb = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"monospace\" font-size=\"12\">");
        sb.Append($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/><text x=\"{Pad}\" y=\"22\" font-family=\"sans-serif\" font-size=\"14\" font-weight=\"bold\">{Esc(Title)}</text>");
        var x = LabelWidth;
        for (var j = 0; j < Replicas.Count; j++)
        {
            sb.Append($"<text x=\"{x + Pad}\" y=\"{Top - 10}\" font-weight=\"bold\">{Esc(Replicas[j])}</text>");
            x += widths[j];
        }
        for (var i = 0; i < Moments.Count; i++)
        {
            var y = Top + i * RowHeight;
            var fill = Agreement[i] ? Agree : Differ;
            sb.Append($"<text x=\"{Pad}\" y=\"{y + 19}\" font-family=\"sans-serif\">{Esc(Moments[i].Label)}</text>");
            x = LabelWidth;
            for (var j = 0; j < Replicas.Count; j++)
            {
                sb.Append($"<rect x=\"{x + 2}\" y=\"{y + 2}\" width=\"{widths[j] - 4}\" height=\"{RowHeight - 4}\" rx=\"4\" fill=\"{fill}\" stroke=\"#bbb\"/>");
                sb.Append($"<text x=\"{x + Pad}\" y=\"{y + 19}\">{Esc(Moments[i].States[j])}</text>");
                x += widths[j];
            }
            sb.Append($"<text x=\"{x + Pad}\" y=\"{y + 19}\" font-family=\"sans-serif\" fill=\"{(Agreement[i] ? "#2a7a2a" : "#b03030")}\">{(Agreement[i] ? "agree" : "differ")}</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    private void Check()
    {
        if (Replicas.Count == 0) throw new ArgumentException("a picture of replicas needs at least one replica");
        if (Moments.FirstOrDefault(m => m.States.Count != Replicas.Count) is { } bad)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"moment '{bad.Label}' has {bad.States.Count} states for {Replicas.Count} replicas"));
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
