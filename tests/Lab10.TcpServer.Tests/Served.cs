using Otp.Tracing;

namespace Lab10.TcpServer.Tests;

/// <summary>
/// A lab server running on a real-time node with a trace: sockets deliver their messages in real
/// time, so these tests cannot use the virtual clock of <c>Lab.RunAsync</c>. Every wait is bounded;
/// disposing kills the acceptor (which closes its listener) and stops the node.
/// </summary>
internal sealed class Served : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(10);

    private Served(Node node, Listening listening)
    {
        Node = node;
        Listening = listening;
    }

    public Node Node { get; }

    public Listening Listening { get; }

    public int Port => Listening.Port;

    public TraceLog Trace => Node.Trace!;

    public static async Task<Served> StartAsync(Func<Process, Task<Listening>> start)
    {
        var node = Node.Start(new NodeOptions { Trace = true });
        try
        {
            var listening = await node.RunAsync(start, StartLimit);
            node.Trace!.Label(listening.Acceptor, "acceptor");
            return new Served(node, listening);
        }
        catch (TimeoutException)
        {
            node.Dispose();
            throw new TimeoutException($"the server did not report that it listens within {StartLimit.TotalSeconds:0} s (does StartAsync return once the acceptor has its port?)");
        }
        catch
        {
            node.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="body"/> as a process of the server's node, bounded in time.</summary>
    public Task<T> RunAsync<T>(Func<Process, Task<T>> body) => Node.RunAsync(body, TimeSpan.FromSeconds(10));

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds; false if it never did.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > until) return false;
            await Task.Delay(20);
        }
        return true;
    }

    /// <summary>The processes <paramref name="parent"/> spawned, in order.</summary>
    public IReadOnlyList<Pid> SpawnedBy(Pid parent) =>
        [.. Trace.Events.Where(e => e.Kind is TraceKind.Spawn or TraceKind.SpawnLink && e.Actor == parent).Select(e => e.Peer!)];

    public async ValueTask DisposeAsync()
    {
        Node.Exit(Listening.Acceptor, ExitReason.Kill);
        try { await Node.WaitForExitAsync(Listening.Acceptor, TimeSpan.FromSeconds(5)).ConfigureAwait(false); }
        catch (TimeoutException) { /* the node goes anyway */ }
        Node.Dispose();
    }
}
