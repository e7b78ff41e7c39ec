using System.Text;
using Otp.Terms;

namespace Otp.Tracing;

/// <summary>
/// The events a node recorded, in order, with ways to show them: <see cref="ToText"/> for
/// snapshots, <see cref="ToSequenceDiagram"/> for notebooks and <see cref="ToMermaid"/> for
/// Markdown. Safe to read while the node runs.
/// </summary>
public sealed class TraceLog
{
    private readonly Lock _gate = new();
    private readonly List<TraceEvent> _events = [];
    private readonly Dictionary<Pid, string> _labels = [];

    /// <summary>True for the trace of a simulated network: every pid in it carries its node
    /// (see <see cref="Qualify"/>) and is shown as <c>&lt;0.5.0&gt;@a</c>, a registered process
    /// as <c>name@a</c>.</summary>
    internal bool PerNode { get; init; }

    /// <summary>A copy of the events so far.</summary>
    public IReadOnlyList<TraceEvent> Events
    {
        get { lock (_gate) return [.. _events]; }
    }

    internal void Add(TraceKind kind, TimeSpan at, Pid actor, Pid? peer, object? detail)
    {
        lock (_gate)
        {
            _events.Add(new TraceEvent(_events.Count, at, kind, actor, peer, detail));
            if (kind == TraceKind.Register && detail is string name) _labels.TryAdd(actor, PerNode ? $"{name}@{ShortNode(actor)}" : name);
        }
    }

    /// <summary>Gives <paramref name="pid"/> a readable name in every rendering (registered
    /// processes get their name automatically).</summary>
    public void Label(Pid pid, string label)
    {
        ArgumentNullException.ThrowIfNull(pid);
        // In a network's trace, a pid from Spawn is local to its node; the trace knows it by node.
        if (PerNode && pid.IsLocal && pid.Process is { } p) pid = Qualify(pid, p.Node);
        lock (_gate) _labels[pid] = label;
    }

    /// <summary>The label of <paramref name="pid"/>, or its pid notation.</summary>
    public string NameOf(Pid pid)
    {
        if (pid == Pid.Outside) return "outside";
        if (PerNode && pid.IsLocal && pid.Process is { } p) pid = Qualify(pid, p.Node);
        lock (_gate) return _labels.TryGetValue(pid, out var l) ? l : PidText(pid);
    }

    /// <summary>The message, reason or name of an event as text. In a network's trace, every pid
    /// in it shows its node as the lifelines do (<c>&lt;0.5.0&gt;@a</c>), whichever node's view
    /// the value was recorded in: a pid local to that view is the actor's node's.</summary>
    internal string DetailText(TraceEvent e)
    {
        if (e.Detail is null) return "";
        if (e.Kind == TraceKind.Network && e.Detail is string note) return note;
        var text = Term.Format(e.Detail);
        if (!PerNode || !text.Contains('<')) return text;
        var own = ShortNode(e.Actor);
        text = s_localPid.Replace(text, m => own.Length > 0 ? $"{m.Value}@{own}" : m.Value);
        return s_remotePid.Replace(text, m => $"<0.{m.Groups[2].Value}.{m.Groups[3].Value}>@{m.Groups[1].Value}");
    }

    // <0.5.0> not already followed by its node; and <alive@host.5.0>, the notation of a pid of another node.
    private static readonly System.Text.RegularExpressions.Regex s_localPid = new(@"<0\.\d+\.\d+>(?!@)");
    private static readonly System.Text.RegularExpressions.Regex s_remotePid = new(@"<([^<>@\s.]+)@[^<>\s]+\.(\d+)\.(\d+)>");

    /// <summary>A pid as the trace shows it: in a network's trace, <c>&lt;0.5.0&gt;@a</c> (the
    /// pid as its own node prints it, then the node's name up to the <c>@</c>).</summary>
    private string PidText(Pid pid) =>
        PerNode && pid.RemoteNode is not null ? $"<0.{(uint)pid.Number}.{(uint)(pid.Number >> 32)}>@{ShortNode(pid)}" : pid.ToString();

    /// <summary>The node of a pid in a network's trace, up to the <c>@</c>; empty for a pid without one.</summary>
    internal static string ShortNode(Pid pid) => pid.RemoteNode is { } n ? n.Name.Split('@')[0] : "";

    /// <summary>A pid of <paramref name="node"/> as other nodes know it: with the node's name
    /// and creation. <see cref="Pid.Outside"/> and pids of other nodes stay as they are.</summary>
    internal static Pid Qualify(Pid pid, Node node) =>
        pid.IsLocal && pid != Pid.Outside ? Pid.Remote(new Atom(node.Name), (uint)pid.Number, (uint)(pid.Number >> 32), node.Creation) : pid;

    /// <summary>Forgets every event recorded so far (labels stay).</summary>
    public void Clear()
    {
        lock (_gate) _events.Clear();
    }

    /// <summary>
    /// One line per event, for snapshots and reading:
    /// <c>0.000s  ping     ! pong     {ping,&lt;0.1.0&gt;}</c>. Times are shown when
    /// <paramref name="withTime"/> is true.
    /// </summary>
    public string ToText(bool withTime = true, Func<TraceEvent, bool>? filter = null)
    {
        var sb = new StringBuilder();
        foreach (var e in Events)
        {
            if (filter is not null && !filter(e)) continue;
            if (withTime) sb.Append($"{e.At.TotalSeconds,8:0.000}s  ");
            sb.Append(Describe(e)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The event in words, without its time.</summary>
    public string Describe(TraceEvent e)
    {
        var a = NameOf(e.Actor);
        var p = e.Peer is { } peer ? NameOf(peer) : "";
        var d = DetailText(e);
        return e.Kind switch
        {
            TraceKind.Spawn => $"{a} spawns {p}",
            TraceKind.SpawnLink => $"{a} spawns and links {p}",
            TraceKind.Send => e.Peer is null ? $"{a} ! (nobody) {d}" : $"{a} ! {p} {d}",
            TraceKind.Receive => $"{a} receives {d}",
            TraceKind.Timeout => $"{a} times out",
            TraceKind.Link => $"{a} links {p}",
            TraceKind.Unlink => $"{a} unlinks {p}",
            TraceKind.Monitor => $"{a} monitors {p}",
            TraceKind.ExitSignal => $"{a} sends exit {d} to {p}",
            TraceKind.Exit => $"{a} exits {d}",
            TraceKind.Down => $"{a} DOWN {d} to {p}",
            TraceKind.Timer => $"timer delivers {d} to {a}",
            TraceKind.Register => $"{PidText(e.Actor)} registered as {e.Detail}",
            TraceKind.Network => $"-- {e.Detail} --",
            TraceKind.Lost => $"{a} -x {p} {d} (lost)",
            TraceKind.Duplicated => $"{a} ! {p} {d} (duplicate)",
            _ => e.Kind.ToString(),
        };
    }

    /// <summary>The trace as a sequence diagram in SVG, drawn by the runtime itself so it shows
    /// offline (Jupyter, VS Code, exported HTML).</summary>
    public SequenceDiagram ToSequenceDiagram(Func<TraceEvent, bool>? filter = null, string? title = null) =>
        new(this, filter, title);

    /// <summary>The trace as a Mermaid sequence diagram (text).</summary>
    public string ToMermaid(Func<TraceEvent, bool>? filter = null) => SequenceDiagram.Mermaid(this, filter);
}
