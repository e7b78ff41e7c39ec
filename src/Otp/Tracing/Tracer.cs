namespace Otp.Tracing;

/// <summary>The runtime's hooks into the trace: one method per kind of event.</summary>
/// <param name="node">The node whose events these are.</param>
/// <param name="shared">A trace several nodes record into (a simulated network's); its pids
/// carry their node, so that <c>&lt;0.5.0&gt;</c> of one node is not taken for that of another.</param>
/// <param name="start">The time the shared trace started.</param>
internal sealed class Tracer(Node node, TraceLog? shared = null, DateTimeOffset? start = null)
{
    private readonly DateTimeOffset _start = start ?? node.Time.GetUtcNow();

    public TraceLog Log { get; } = shared ?? new();

    private void Add(TraceKind kind, Pid actor, Pid? peer, object? detail) =>
        Log.Add(kind, node.Time.GetUtcNow() - _start, OnNode(actor), peer is null ? null : OnNode(peer), detail);

    /// <summary>In a shared trace, a local pid becomes the pid other nodes know it by.</summary>
    private Pid OnNode(Pid pid) => shared is null ? pid : TraceLog.Qualify(pid, node);

    public void Spawned(Pid parent, Pid child, bool link) => Add(link ? TraceKind.SpawnLink : TraceKind.Spawn, parent, child, null);
    public void Sent(Pid from, Pid to, object message) => Add(TraceKind.Send, from, to, message);
    public void Received(Pid self, object message) => Add(TraceKind.Receive, self, null, message);
    public void Timeout(Pid self) => Add(TraceKind.Timeout, self, null, null);
    public void Linked(Pid a, Pid b) => Add(TraceKind.Link, a, b, null);
    public void Unlinked(Pid a, Pid b) => Add(TraceKind.Unlink, a, b, null);
    public void Monitored(Pid watcher, Pid target) => Add(TraceKind.Monitor, watcher, target, null);
    public void ExitSent(Pid from, Pid to, ExitReason reason) => Add(TraceKind.ExitSignal, from, to, reason);
    public void Exited(Pid self, ExitReason reason) => Add(TraceKind.Exit, self, null, reason);
    public void DownSent(Pid dead, Pid watcher, ExitReason reason) => Add(TraceKind.Down, dead, watcher, reason);
    public void TimerFired(Pid to, object message) => Add(TraceKind.Timer, to, null, message);
    public void Registered(Pid pid, string name) => Add(TraceKind.Register, pid, null, name);
}
