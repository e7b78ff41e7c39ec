using System.Globalization;
using System.Net;
using System.Text;
using Otp.Display;

namespace Otp.Behaviours;

/// <summary>
/// A state diagram drawn by the runtime from a machine's declared transitions: states as rounded
/// boxes on a circle, transitions as labelled arrows, loops above their state, the initial state
/// marked by an arrow from a black dot. SVG, so it shows offline in Jupyter, VS Code and HTML.
/// </summary>
[TypeFormatterSource(typeof(MimeBundleFormatterSource<StateDiagram>), PreferredMimeTypes = ["image/svg+xml", "text/plain"])]
public sealed class StateDiagram : IMimeBundle
{
    private const double BoxWidth = 120, BoxHeight = 36, Margin = 90;

    private StateDiagram(string svg, string text)
    {
        Svg = svg;
        Text = text;
    }

    /// <summary>The SVG markup.</summary>
    public string Svg { get; }

    /// <summary>The transitions as text, one per line (<c>barking --pet--&gt; wagging</c>), for
    /// snapshots and for readers without SVG.</summary>
    public string Text { get; }

    /// <summary>The MIME representations a notebook front end can show.</summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle() =>
        new Dictionary<string, string> { ["image/svg+xml"] = Svg, ["text/plain"] = Text };

    /// <summary>The SVG markup.</summary>
    public override string ToString() => Svg;

    /// <summary>Draws the transitions (state names already formatted).</summary>
    public static StateDiagram Render(IEnumerable<(string From, string Event, string To)> transitions, string initial, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        var edges = transitions.ToList();
        var states = new List<string> { initial };
        foreach (var (from, _, to) in edges)
        {
            if (!states.Contains(from)) states.Add(from);
            if (!states.Contains(to)) states.Add(to);
        }
        var text = string.Join("\n", edges.Select(e => $"{e.From} --{e.Event}--> {e.To}"));

        var radius = states.Count == 1 ? 0 : 60 + 45 * states.Count;
        var cx = Margin + radius + BoxWidth / 2;
        var cy = Margin + radius + 20;
        var pos = states.Select((s, i) =>
        {
            var angle = Math.PI + 2 * Math.PI * i / states.Count; // initial state on the left
            return (X: cx + radius * Math.Cos(angle), Y: cy + radius * Math.Sin(angle) * 0.7);
        }).ToList();
        var width = 2 * cx;
        var height = cy + radius * 0.7 + Margin;

        var sb = new StringBuilder();
        sb.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height)}\" viewBox=\"0 0 {F(width)} {F(height)}\" font-family=\"sans-serif\" font-size=\"12\">"));
        sb.Append("<defs><marker id=\"sd-arrow\" markerWidth=\"10\" markerHeight=\"10\" refX=\"9\" refY=\"5\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>");
        sb.Append(Inv($"<rect width=\"{F(width)}\" height=\"{F(height)}\" fill=\"white\"/>"));
        if (title is not null) sb.Append(Inv($"<text x=\"10\" y=\"18\" font-weight=\"bold\">{Esc(title)}</text>"));

        // Group the labels of parallel edges so each pair of states gets one arrow.
        foreach (var group in edges.GroupBy(e => (e.From, e.To)))
        {
            var label = string.Join(", ", group.Select(e => e.Event));
            var a = pos[states.IndexOf(group.Key.From)];
            var b = pos[states.IndexOf(group.Key.To)];
            if (group.Key.From == group.Key.To)
            {
                var top = a.Y - BoxHeight / 2;
                sb.Append(Inv($"<path d=\"M{F(a.X - 20)},{F(top)} C{F(a.X - 40)},{F(top - 55)} {F(a.X + 40)},{F(top - 55)} {F(a.X + 20)},{F(top)}\" fill=\"none\" stroke=\"#333\" marker-end=\"url(#sd-arrow)\"/>"));
                sb.Append(Inv($"<text x=\"{F(a.X)}\" y=\"{F(top - 46)}\" text-anchor=\"middle\">{Esc(label)}</text>"));
                continue;
            }
            // Bend every arrow to its left, so A→B and B→A do not overlap.
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var len = Math.Sqrt(dx * dx + dy * dy);
            var (nx, ny) = (-dy / len, dx / len);
            var (sx, sy) = Clip(a, b);
            var (ex, ey) = Clip(b, a);
            var (mx, my) = ((a.X + b.X) / 2 + nx * 40, (a.Y + b.Y) / 2 + ny * 40);
            sb.Append(Inv($"<path d=\"M{F(sx + nx * 8)},{F(sy + ny * 8)} Q{F(mx)},{F(my)} {F(ex + nx * 8)},{F(ey + ny * 8)}\" fill=\"none\" stroke=\"#333\" marker-end=\"url(#sd-arrow)\"/>"));
            sb.Append(Inv($"<text x=\"{F((a.X + b.X) / 2 + nx * 30)}\" y=\"{F((a.Y + b.Y) / 2 + ny * 30 + 4)}\" text-anchor=\"middle\" fill=\"#124\">{Esc(label)}</text>"));
        }
        foreach (var (s, i) in states.Select((s, i) => (s, i)))
        {
            var (x, y) = pos[i];
            sb.Append(Inv($"<rect x=\"{F(x - BoxWidth / 2)}\" y=\"{F(y - BoxHeight / 2)}\" width=\"{F(BoxWidth)}\" height=\"{F(BoxHeight)}\" rx=\"14\" fill=\"#eef4ff\" stroke=\"#335\"/>"));
            sb.Append(Inv($"<text x=\"{F(x)}\" y=\"{F(y + 4)}\" text-anchor=\"middle\" font-weight=\"bold\">{Esc(s)}</text>"));
        }
        var (ix, iy) = pos[0];
        sb.Append(Inv($"<circle cx=\"{F(ix - BoxWidth / 2 - 50)}\" cy=\"{F(iy)}\" r=\"6\" fill=\"#000\"/>"));
        sb.Append(Inv($"<line x1=\"{F(ix - BoxWidth / 2 - 44)}\" y1=\"{F(iy)}\" x2=\"{F(ix - BoxWidth / 2 - 2)}\" y2=\"{F(iy)}\" stroke=\"#333\" marker-end=\"url(#sd-arrow)\"/>"));
        sb.Append("</svg>");
        return new StateDiagram(sb.ToString(), text);
    }

    // Where the segment from the centre of box a towards b leaves box a.
    private static (double X, double Y) Clip((double X, double Y) a, (double X, double Y) b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var t = Math.Min(BoxWidth / 2 / Math.Max(Math.Abs(dx), 1e-9), BoxHeight / 2 / Math.Max(Math.Abs(dy), 1e-9));
        t = Math.Min(t, 1);
        return (a.X + dx * t, a.Y + dy * t);
    }

    private static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
