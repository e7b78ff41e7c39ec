using System.Globalization;
using System.Net;
using System.Text;
using Otp.Display;

namespace Workbook.Notebooks.Helpers.Charts;

/// <summary>
/// A line chart drawn as SVG: series over shared x positions, a y axis rounded up to a readable
/// step, a legend on the right. Shown as an image by the workbook's kernel (<see cref="ToMimeBundle"/>)
/// and by .NET Interactive (its formatter convention).
/// </summary>
/// <param name="Title">Printed above the chart; also the plain-text form.</param>
/// <param name="X">The x positions (message counts: labelled in thousands).</param>
/// <param name="Series">The lines; each has one value per x position.</param>
/// <param name="XLabel">The x axis's caption.</param>
/// <param name="YLabel">The y axis's caption.</param>
[TypeFormatterSource(typeof(MimeBundleFormatterSource<LineChart>), PreferredMimeTypes = ["image/svg+xml", "text/plain"])]
public sealed record LineChart(string Title, IReadOnlyList<int> X, IReadOnlyList<Series> Series,
    string XLabel = "messages skipped (backlog)", string YLabel = "µs per receive") : IMimeBundle
{
    private const int W = 640, H = 360, L = 70, R = 170, T = 40, B = 50;

    /// <summary>The chart as <c>image/svg+xml</c>, and its title as <c>text/plain</c>.</summary>
    /// <exception cref="ArgumentException">A series does not have one value per x position, or there is nothing to draw.</exception>
    public IReadOnlyDictionary<string, string> ToMimeBundle() =>
        new Dictionary<string, string> { ["image/svg+xml"] = ToSvg(), ["text/plain"] = Title };

    /// <summary>The SVG markup.</summary>
    public string ToSvg()
    {
        if (X.Count == 0 || Series.Count == 0) throw new ArgumentException("a chart needs x positions and at least one series");
        if (Series.FirstOrDefault(s => s.Values.Count != X.Count) is { } bad)
            throw new ArgumentException($"series '{bad.Name}' has {bad.Values.Count} values for {X.Count} x positions");
        // Round the y axis up to a "nice" step (1, 2 or 5 times a power of ten) for readable ticks.
        var raw = Math.Max(Series.SelectMany(s => s.Values).Max() / 4, 1e-9);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(k => k * magnitude).First(v => v >= raw);
        double maxX = Math.Max(1, X.Max()), maxY = step * 4;
        double Px(double x) => L + x / maxX * (W - L - R);
        double Py(double y) => H - B - y / maxY * (H - T - B);

        var sb = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" font-family=\"sans-serif\" font-size=\"11\">");
        sb.Append($"<rect width=\"{W}\" height=\"{H}\" fill=\"white\"/><text x=\"{L}\" y=\"22\" font-size=\"14\" font-weight=\"bold\">{Esc(Title)}</text>");
        for (var i = 0; i <= 4; i++)
            sb.Append($"<line x1=\"{L}\" x2=\"{W - R}\" y1=\"{F(Py(step * i))}\" y2=\"{F(Py(step * i))}\" stroke=\"#eee\"/><text x=\"{L - 6}\" y=\"{F(Py(step * i) + 4)}\" text-anchor=\"end\">{F(step * i)}</text>");
        var lastLabel = double.NegativeInfinity;
        foreach (var x in X)
        {
            if (Px(x) - lastLabel < 30) continue;   // too close to the previous label to read
            lastLabel = Px(x);
            sb.Append($"<text x=\"{F(Px(x))}\" y=\"{H - B + 16}\" text-anchor=\"middle\">{x / 1000}k</text>");
        }
        sb.Append($"<text x=\"{(L + W - R) / 2}\" y=\"{H - 12}\" text-anchor=\"middle\">{Esc(XLabel)}</text>");
        sb.Append($"<text transform=\"translate(16,{(T + H - B) / 2}) rotate(-90)\" text-anchor=\"middle\">{Esc(YLabel)}</text>");
        sb.Append($"<line x1=\"{L}\" y1=\"{H - B}\" x2=\"{W - R}\" y2=\"{H - B}\" stroke=\"#333\"/><line x1=\"{L}\" y1=\"{T}\" x2=\"{L}\" y2=\"{H - B}\" stroke=\"#333\"/>");
        var legend = T + 10;
        foreach (var s in Series)
        {
            var dash = s.Dashed ? " stroke-dasharray=\"6,4\"" : "";
            var points = string.Join(" ", X.Select((x, i) => $"{F(Px(x))},{F(Py(s.Values[i]))}"));
            sb.Append($"<polyline points=\"{points}\" fill=\"none\" stroke=\"{Esc(s.Colour)}\" stroke-width=\"2\"{dash}/>");
            for (var i = 0; i < X.Count; i++)
                sb.Append($"<circle cx=\"{F(Px(X[i]))}\" cy=\"{F(Py(s.Values[i]))}\" r=\"3\" fill=\"{Esc(s.Colour)}\"/>");
            sb.Append($"<line x1=\"{W - R + 12}\" x2=\"{W - R + 36}\" y1=\"{legend}\" y2=\"{legend}\" stroke=\"{Esc(s.Colour)}\" stroke-width=\"2\"{dash}/><text x=\"{W - R + 42}\" y=\"{legend + 4}\">{Esc(s.Name)}</text>");
            legend += 18;
        }
        return sb.Append("</svg>").ToString();
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
