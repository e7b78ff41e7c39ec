using System.Globalization;
using System.Net;
using System.Text;
using Otp.Crdts.Causality;
using Otp.Display;

namespace Otp.Crdts.Display;

/// <summary>
/// Draws causal states as SVG: one row per state, one column per event of each replica. A filled
/// dot is an event the store still holds (a live add or write); a ring is an event seen but no
/// longer held (removed or overwritten: the context remembers it, nothing else does); a dashed
/// ring is a seen event beyond a gap, kept in the dot cloud; a shaded band under a replica's
/// columns covers its version-vector entry. Notebooks show it through <see cref="ToMimeBundle"/>.
/// </summary>
// The attribute is the by-name convention .NET Interactive recognises (as on the runtime's own
// diagrams), so the drawing shows as SVG under that kernel too.
[TypeFormatterSource(typeof(MimeBundleFormatterSource<DotDiagram>), PreferredMimeTypes = ["image/svg+xml", "text/plain"])]
public sealed class DotDiagram : IMimeBundle
{
    private const int Col = 26, RowH = 34, LabelW = 150, Top = 28, NoteW = 260;

    private DotDiagram(string svg) => Svg = svg;

    /// <summary>The SVG markup.</summary>
    public string Svg { get; }

    /// <summary>Draws <paramref name="rows"/>: each a label, the context seen, the dots held, and a note (for example the query).</summary>
    /// <exception cref="ArgumentException">No rows.</exception>
    public static DotDiagram Of(params IReadOnlyList<(string Label, CausalContext Context, IEnumerable<Dot> Held, string Note)> rows)
    {
        if (rows.Count == 0) throw new ArgumentException("Give at least one state to draw.", nameof(rows));
        var held = rows.Select(r => r.Held.ToHashSet()).ToList();
        var replicas = rows.SelectMany(r => r.Context.Dots().Select(d => d.Replica)).Concat(held.SelectMany(h => h.Select(d => d.Replica)))
            .Distinct().Order().ToList();
        var width = replicas.ToDictionary(r => r, r => (int)Math.Max(1, rows.Max(x => Math.Max(x.Context.Dots().Where(d => d.Replica == r).Select(d => d.Counter).DefaultIfEmpty(0).Max(),
            held.SelectMany(h => h).Where(d => d.Replica == r).Select(d => d.Counter).DefaultIfEmpty(0).Max()))));
        var x0 = new Dictionary<ReplicaId, int>();
        var x = LabelW;
        foreach (var r in replicas) { x0[r] = x; x += width[r] * Col + 14; }
        var w = x + NoteW;
        var h = Top + rows.Count * RowH + 8;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"monospace\" font-size=\"12\">");
        sb.Append(CultureInfo.InvariantCulture, $"<rect width=\"{w}\" height=\"{h}\" fill=\"white\"/>");
        foreach (var r in replicas)
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0[r] + width[r] * Col / 2}\" y=\"16\" text-anchor=\"middle\" font-weight=\"bold\">{Esc(r.Name)}</text>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, context, _, note) = rows[i];
            var y = Top + i * RowH + RowH / 2;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"6\" y=\"{y + 4}\">{Esc(label)}</text>");
            foreach (var r in replicas)
            {
                var vv = context.Vector[r];
                if (vv > 0)
                    sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x0[r] + 2}\" y=\"{y - 12}\" width=\"{vv * Col - 4}\" height=\"24\" rx=\"12\" fill=\"#dde8f5\"/>");
                for (var n = 1L; n <= width[r]; n++)
                {
                    var d = new Dot(r, n);
                    var cx = x0[r] + (n - 1) * Col + Col / 2;
                    if (held[i].Contains(d))
                        sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{cx}\" cy=\"{y}\" r=\"8\" fill=\"#2b6cb0\"><title>{Esc(d.ToString())} held</title></circle>");
                    else if (context.Cloud.Contains(d))
                        sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{cx}\" cy=\"{y}\" r=\"8\" fill=\"none\" stroke=\"#2b6cb0\" stroke-dasharray=\"3 2\"><title>{Esc(d.ToString())} in the dot cloud</title></circle>");
                    else if (context.Contains(d))
                        sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{cx}\" cy=\"{y}\" r=\"8\" fill=\"none\" stroke=\"#2b6cb0\"><title>{Esc(d.ToString())} seen</title></circle>");
                    else
                        sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{cx}\" cy=\"{y}\" r=\"2\" fill=\"#bbb\"/>");
                }
            }
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 6}\" y=\"{y + 4}\">{Esc(note)}</text>");
        }
        sb.Append("</svg>");
        return new DotDiagram(sb.ToString());
    }

    /// <summary>The MIME representations a notebook front end can show: <c>image/svg+xml</c>.</summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle() =>
        new Dictionary<string, string> { ["image/svg+xml"] = Svg, ["text/plain"] = "[dot diagram]" };

    /// <summary>The SVG markup.</summary>
    public override string ToString() => Svg;

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
