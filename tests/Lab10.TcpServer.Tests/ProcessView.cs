using System.Text;
using System.Text.RegularExpressions;
using Otp.Sockets;
using Otp.Tracing;

namespace Lab10.TcpServer.Tests;

/// <summary>
/// A view of a real-time trace that does not depend on timing: each named process's own events
/// under its name (the interleaving of processes is left to the scheduler), only the kinds a task
/// fixes, sockets renamed by first appearance (<c>#Port&lt;1&gt;</c>) and every abnormal exit
/// shown as <c>crashed</c> (how a process crashes, and the words it uses, are the answer's own).
/// </summary>
internal static partial class ProcessView
{
    /// <summary>Spawns, the socket messages a process takes (<c>{tcp,...}</c>, <c>{tcp_closed,...}</c>,
    /// <c>{tcp_error,...}</c>) and exits, of each of <paramref name="processes"/> in turn.</summary>
    public static string Of(TraceLog trace, IEnumerable<(Pid Pid, string Name)> processes)
    {
        var named = processes.ToList();
        foreach (var (pid, name) in named) trace.Label(pid, name);
        var text = new StringBuilder();
        foreach (var (pid, name) in named)
        {
            text.Append(name).Append(":\n");
            foreach (var e in trace.Events.Where(e => e.Actor == pid))
            {
                var line = e switch
                {
                    { Kind: TraceKind.Spawn or TraceKind.SpawnLink } => $"spawns {trace.NameOf(e.Peer!)}",
                    { Kind: TraceKind.Receive, Detail: TcpLine or TcpClosed or TcpError } => $"receives {e.Detail}",
                    { Kind: TraceKind.Exit, Detail: ExitReason { IsNormal: true } } => "exits normal",
                    { Kind: TraceKind.Exit } => "exits crashed",
                    _ => null,
                };
                if (line is not null) text.Append("  ").Append(line).Append('\n');
            }
        }
        var ports = new Dictionary<string, string>();
        return PortPattern().Replace(text.ToString(), m =>
        {
            if (!ports.TryGetValue(m.Value, out var stable)) ports[m.Value] = stable = $"#Port<{ports.Count + 1}>";
            return stable;
        });
    }

    [GeneratedRegex(@"#Port<0\.[0-9]+>")]
    private static partial Regex PortPattern();
}
