using System.Globalization;
using System.Net;
using System.Text;
using Otp.Terms;
using Otp.Display;

namespace Otp.Tracing;

/// <summary>
/// A message sequence diagram of a trace: one lifeline per process, left to right in order of
/// appearance, time flowing down. Sends are solid arrows, spawns dashed arrows, exit signals red
/// arrows, DOWN messages dashed grey arrows, receives dots, exits crosses. In the trace of a
/// simulated network the lifelines are grouped under their node, events of the network itself
/// (partitions, heals, connections) cross the whole diagram, and a lost message ends in a cross.
/// </summary>
[TypeFormatterSource(typeof(MimeBundleFormatterSource<SequenceDiagram>), PreferredMimeTypes = ["image/svg+xml", "text/plain"])]
public sealed class SequenceDiagram : IMimeBundle
{
    private const int ColumnWidth = 170, RowHeight = 26, Top = 50, Left = 20;

    // A white outline behind each label keeps it readable where it crosses a lifeline.
    private const string Halo = " stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\"";

    internal SequenceDiagram(TraceLog log, Func<TraceEvent, bool>? filter, string? title)
    {
        var events = log.Events.Where(e => e.Kind != TraceKind.Register && (filter is null || filter(e))).ToList();
        Svg = Render(log, events, title);
    }

    /// <summary>The SVG markup.</summary>
    public string Svg { get; }

    /// <summary>The MIME representations a notebook front end can show: <c>image/svg+xml</c>.</summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle() =>
        new Dictionary<string, string> { ["image/svg+xml"] = Svg, ["text/plain"] = "[sequence diagram]" };

    /// <summary>The SVG markup.</summary>
    public override string ToString() => Svg;

    private static List<Pid> Participants(TraceLog log, IEnumerable<TraceEvent> events)
    {
        var list = new List<Pid>();
        foreach (var e in events)
        {
            // A network event belongs to no process: it gets no lifeline of its own.
            if (e.Kind != TraceKind.Network && !list.Contains(e.Actor)) list.Add(e.Actor);
            if (e.Peer is { } p && !list.Contains(p)) list.Add(p);
        }
        if (!log.PerNode) return list;
        // Grouped by node, nodes in order of appearance, so each node's lifelines sit side by side.
        var nodes = list.Select(TraceLog.ShortNode).Distinct().ToList();
        return [.. list.OrderBy(p => nodes.IndexOf(TraceLog.ShortNode(p)))];
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s.Length > 40 ? s[..39] + "…" : s);

    private static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Render(TraceLog log, List<TraceEvent> events, string? title)
    {
        var who = Participants(log, events);
        double X(Pid p) => Left + ColumnWidth / 2.0 + who.IndexOf(p) * ColumnWidth;
        // Room on the right for the labels of the last lifeline (receives and timers are written beside it).
        var width = Left * 2 + Math.Max(1, who.Count) * ColumnWidth + 220;
        var height = Top + (events.Count + 1) * RowHeight + 20;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"monospace\" font-size=\"11\">");
        sb.Append("<defs><marker id=\"a\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"context-stroke\"/></marker></defs>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>");
        if (title is not null) sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"14\" font-weight=\"bold\">{Esc(title)}</text>");
        if (log.PerNode)
        {
            // One box per node behind its lifelines' heads, named above them.
            foreach (var group in who.GroupBy(TraceLog.ShortNode).Where(g => g.Key.Length > 0))
            {
                var x1 = X(group.First()) - ColumnWidth / 2.0 + 4;
                var x2 = X(group.Last()) + ColumnWidth / 2.0 - 4;
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x1)}\" y=\"4\" width=\"{F(x2 - x1)}\" height=\"{height - 8}\" rx=\"6\" fill=\"none\" stroke=\"#9ab\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x1 + 6)}\" y=\"16\" fill=\"#567\" font-weight=\"bold\">{Esc("node " + group.Key)}</text>");
            }
        }
        foreach (var p in who)
        {
            var x = X(p);
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x - 70)}\" y=\"20\" width=\"140\" height=\"20\" rx=\"4\" fill=\"#eef3fb\" stroke=\"#4a6fa5\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"34\" text-anchor=\"middle\">{Esc(log.NameOf(p))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"40\" x2=\"{F(x)}\" y2=\"{height - 10}\" stroke=\"#bbb\" stroke-dasharray=\"3,3\"/>");
        }
        var y = Top;
        foreach (var e in events)
        {
            y += RowHeight;
            var x = X(e.Actor);
            var detail = log.DetailText(e);
            switch (e.Kind)
            {
                case TraceKind.Send or TraceKind.Spawn or TraceKind.SpawnLink or TraceKind.ExitSignal or TraceKind.Down when e.Peer is { } peer:
                    var (colour, dash, label) = e.Kind switch
                    {
                        TraceKind.Send => ("#222", "", detail),
                        TraceKind.Spawn => ("#2a7", "5,3", "spawn"),
                        TraceKind.SpawnLink => ("#2a7", "5,3", "spawn_link"),
                        TraceKind.ExitSignal => ("#c33", "", $"exit {detail}"),
                        _ => ("#888", "5,3", $"DOWN {detail}"),
                    };
                    Arrow(sb, x, X(peer), y, colour, dash, label);
                    break;
                case TraceKind.Link or TraceKind.Unlink or TraceKind.Monitor when e.Peer is { } peer:
                    Arrow(sb, x, X(peer), y, e.Kind == TraceKind.Monitor ? "#888" : "#a5a", "2,2", e.Kind.ToString().ToLowerInvariant());
                    break;
                case TraceKind.Receive:
                    sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{y}\" r=\"3\" fill=\"#4a6fa5\"/><text{Halo} x=\"{F(x + 6)}\" y=\"{y + 4}\" fill=\"#4a6fa5\">{Esc("got " + detail)}</text>");
                    break;
                case TraceKind.Timeout:
                    sb.Append(CultureInfo.InvariantCulture, $"<text{Halo} x=\"{F(x + 6)}\" y=\"{y + 4}\" fill=\"#b70\">after (timeout)</text>");
                    break;
                case TraceKind.Timer:
                    sb.Append(CultureInfo.InvariantCulture, $"<text{Halo} x=\"{F(x + 6)}\" y=\"{y + 4}\" fill=\"#b70\">{Esc("timer: " + detail)}</text>");
                    break;
                case TraceKind.Lost when e.Peer is { } peer:
                    Arrow(sb, x, X(peer), y, "#c33", "2,3", $"{detail} (lost)");
                    sb.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(X(peer) - 5)},{y - 5} l10,10 m0,-10 l-10,10\" stroke=\"#c33\" stroke-width=\"2\"/>");
                    break;
                case TraceKind.Duplicated when e.Peer is { } peer:
                    Arrow(sb, x, X(peer), y, "#b70", "", $"{detail} (duplicate)");
                    break;
                case TraceKind.Network:
                    sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{width - Left}\" y2=\"{y}\" stroke=\"#c60\" stroke-width=\"2\" stroke-dasharray=\"8,4\"/>");
                    sb.Append(CultureInfo.InvariantCulture, $"<text{Halo} x=\"{Left + 4}\" y=\"{y - 4}\" fill=\"#c60\">{Esc(e.Detail as string ?? "")}</text>");
                    break;
                case TraceKind.Exit:
                    sb.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(x - 6)},{y - 6} L{F(x + 6)},{y + 6} M{F(x + 6)},{y - 6} L{F(x - 6)},{y + 6}\" stroke=\"#c33\" stroke-width=\"2\"/><text{Halo} x=\"{F(x + 9)}\" y=\"{y + 4}\" fill=\"#c33\">{Esc(detail)}</text>");
                    break;
            }
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static void Arrow(StringBuilder sb, double x1, double x2, int y, string colour, string dash, string label)
    {
        var dashAttr = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "";
        if (Math.Abs(x1 - x2) < 1)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(x1)},{y - 8} h30 v12 h-28\" fill=\"none\" stroke=\"{colour}\"{dashAttr} marker-end=\"url(#a)\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text{Halo} x=\"{F(x1 + 34)}\" y=\"{y}\" fill=\"{colour}\">{Esc(label)}</text>");
            return;
        }
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x1)}\" y1=\"{y}\" x2=\"{F(x2)}\" y2=\"{y}\" stroke=\"{colour}\"{dashAttr} marker-end=\"url(#a)\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text{Halo} x=\"{F((x1 + x2) / 2)}\" y=\"{y - 4}\" text-anchor=\"middle\" fill=\"{colour}\">{Esc(label)}</text>");
    }

    internal static string Mermaid(TraceLog log, Func<TraceEvent, bool>? filter)
    {
        var events = log.Events.Where(e => e.Kind != TraceKind.Register && (filter is null || filter(e))).ToList();
        var who = Participants(log, events);
        string Id(Pid p) => "P" + who.IndexOf(p);
        var sb = new StringBuilder("sequenceDiagram\n");
        string Participant(Pid p) => $"participant {Id(p)} as {log.NameOf(p).Replace("<", "&lt;").Replace(">", "&gt;")}\n";
        if (log.PerNode)
        {
            foreach (var group in who.GroupBy(TraceLog.ShortNode))
            {
                if (group.Key.Length == 0)
                {
                    foreach (var p in group) sb.Append("    ").Append(Participant(p));
                    continue;
                }
                sb.Append($"    box node {group.Key}\n");
                foreach (var p in group) sb.Append("        ").Append(Participant(p));
                sb.Append("    end\n");
            }
        }
        else foreach (var p in who) sb.Append("    ").Append(Participant(p));
        var span = who.Count > 1 ? $"{Id(who[0])},{Id(who[^1])}" : who.Count == 1 ? Id(who[0]) : null;
        foreach (var e in events)
        {
            var d = log.DetailText(e).Replace(";", ",").Replace("#", "");
            var line = e.Kind switch
            {
                TraceKind.Send when e.Peer is { } p => $"{Id(e.Actor)}->>{Id(p)}: {d}",
                TraceKind.Spawn or TraceKind.SpawnLink when e.Peer is { } p => $"{Id(e.Actor)}-->>{Id(p)}: {(e.Kind == TraceKind.Spawn ? "spawn" : "spawn_link")}",
                TraceKind.ExitSignal when e.Peer is { } p => $"{Id(e.Actor)}-x{Id(p)}: exit {d}",
                TraceKind.Down when e.Peer is { } p => $"{Id(e.Actor)}-->>{Id(p)}: DOWN {d}",
                TraceKind.Receive => $"Note right of {Id(e.Actor)}: got {d}",
                TraceKind.Exit => $"Note right of {Id(e.Actor)}: exits {d}",
                TraceKind.Timeout => $"Note right of {Id(e.Actor)}: after (timeout)",
                TraceKind.Timer => $"Note right of {Id(e.Actor)}: timer {d}",
                TraceKind.Lost when e.Peer is { } p => $"{Id(e.Actor)}--x{Id(p)}: {d} (lost)",
                TraceKind.Duplicated when e.Peer is { } p => $"{Id(e.Actor)}->>{Id(p)}: {d} (duplicate)",
                TraceKind.Network when span is not null => $"Note over {span}: {(e.Detail as string ?? "").Replace(";", ",").Replace("#", "")}",
                _ => null,
            };
            if (line is not null) sb.Append("    ").Append(line).Append('\n');
        }
        return sb.ToString();
    }
}
