namespace Otp.Tracing;

/// <summary>The runtime's hooks into the trace: one method per kind of event.</summary>
internal sealed class Tracer(Node node)
{
    private readonly DateTimeOffset _start = node.Time.GetUtcNow();

    public TraceLog Log { get; } = new();

    private void Add(TraceKind kind, Pid actor, Pid? peer, object? detail) =>
        Log.Add(kind, node.Time.GetUtcNow() - _start, actor, peer, detail);

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
