using System.Globalization;
using System.Net;
using System.Text;
using Otp.Display;

namespace Otp.Behaviours;

/// <summary>
/// A snapshot of a running supervision tree, read with <see cref="Supervisor.WhichChildrenAsync(Process, Pid)"/>
/// level by level: for notebooks (<see cref="ToSvg"/>) and snapshots (<see cref="ToText"/>).
/// </summary>
/// <param name="Id">The child id (or the label given to the root).</param>
/// <param name="Pid">The process, or null when the child is not running.</param>
/// <param name="Type">Worker or supervisor.</param>
/// <param name="Children">For a supervisor, its children in start order.</param>
[TypeFormatterSource(typeof(MimeBundleFormatterSource<SupervisionTree>), PreferredMimeTypes = ["image/svg+xml", "text/plain"])]
public sealed partial record SupervisionTree(string Id, Pid? Pid, ChildType Type, IReadOnlyList<SupervisionTree> Children) : IMimeBundle
{
    /// <summary>Reads the tree under <paramref name="supervisor"/> as it is now.</summary>
    public static async ValueTask<SupervisionTree> ReadAsync(Process self, Pid supervisor, string label = "sup")
    {
        var children = new List<SupervisionTree>();
        // which_children lists the newest first; a tree reads better in start order.
        foreach (var c in (await Supervisor.WhichChildrenAsync(self, supervisor)).Reverse())
            children.Add(c is { Type: ChildType.Supervisor, Pid: { } pid } && self.Node.IsAlive(pid)
                ? await ReadAsync(self, pid, c.Id)
                : new SupervisionTree(c.Id, c.Pid, c.Type, []));
        return new SupervisionTree(label, supervisor, ChildType.Supervisor, children);
    }

    /// <summary>An indented outline, one line per process: <c>sup &lt;0.3.0&gt; (supervisor)</c>.</summary>
    public string ToText(bool withPids = true)
    {
        var sb = new StringBuilder();
        void Walk(SupervisionTree t, int depth)
        {
            sb.Append(' ', depth * 2).Append(t.Id);
            if (withPids) sb.Append(' ').Append(t.Pid?.ToString() ?? "undefined");
            if (t.Type == ChildType.Supervisor) sb.Append(" (supervisor)");
            sb.Append('\n');
            foreach (var c in t.Children) Walk(c, depth + 1);
        }
        Walk(this, 0);
        return sb.ToString();
    }

    /// <summary>The tree drawn top-down in SVG: supervisors as boxes, workers as rounded boxes,
    /// a child that is not running greyed out.</summary>
    public string ToSvg()
    {
        const int w = 120, h = 40, gapX = 20, gapY = 50;
        var leaves = new Dictionary<SupervisionTree, double>(ReferenceEqualityComparer.Instance);
        double next = 0;
        double Place(SupervisionTree t)
        {
            if (t.Children.Count == 0) return leaves[t] = next++;
            var xs = t.Children.Select(Place).ToList();
            return leaves[t] = (xs[0] + xs[^1]) / 2;
        }
        Place(this);
        int Depth(SupervisionTree t) => 1 + (t.Children.Count == 0 ? 0 : t.Children.Max(Depth));
        var width = (int)(next * (w + gapX) + gapX);
        var height = Depth(this) * (h + gapY) + gapY / 2;
        string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"monospace\" font-size=\"11\"><rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>");
        void Draw(SupervisionTree t, int depth)
        {
            var x = gapX + leaves[t] * (w + gapX);
            var y = gapY / 2 + depth * (h + gapY);
            foreach (var c in t.Children)
            {
                var cx = gapX + leaves[c] * (w + gapX) + w / 2.0;
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x + w / 2.0)}\" y1=\"{y + h}\" x2=\"{F(cx)}\" y2=\"{y + h + gapY}\" stroke=\"#777\"/>");
                Draw(c, depth + 1);
            }
            var sup = t.Type == ChildType.Supervisor;
            var fill = t.Pid is null ? "#eee" : sup ? "#eef3fb" : "#eef8ee";
            var stroke = t.Pid is null ? "#aaa" : sup ? "#4a6fa5" : "#2a7";
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"{(sup ? 2 : 12)}\" fill=\"{fill}\" stroke=\"{stroke}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + w / 2.0)}\" y=\"{y + 17}\" text-anchor=\"middle\" font-weight=\"bold\">{WebUtility.HtmlEncode(t.Id)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + w / 2.0)}\" y=\"{y + 31}\" text-anchor=\"middle\" fill=\"#555\">{WebUtility.HtmlEncode(t.Pid?.ToString() ?? "not running")}</text>");
        }
        Draw(this, 0);
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>The MIME representations a notebook front end can show: <c>image/svg+xml</c> and text.</summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle() =>
        new Dictionary<string, string> { ["image/svg+xml"] = ToSvg(), ["text/plain"] = ToText() };
}
