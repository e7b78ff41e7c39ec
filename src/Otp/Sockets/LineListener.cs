using System.Net;
using System.Net.Sockets;

namespace Otp.Sockets;

/// <summary>
/// A listening TCP socket on 127.0.0.1 whose connections speak a line protocol: Erlang's
/// <c>gen_tcp:listen(Port, [{packet, line}, {active, once}])</c>. Accepting is asynchronous, one
/// connection per <see cref="AcceptOnce"/>, as with <c>prim_inet:async_accept/2</c>: the accepted
/// <see cref="LineConnection"/> arrives as a <see cref="TcpAccepted"/> message, so the acceptor
/// process never blocks outside a receive and can handle exit signals while it waits.
/// </summary>
/// <remarks>
/// The listener belongs to the process that opened it and closes when that process ends, as a
/// listen socket closes with its owner in Erlang. A new connection belongs to the process the
/// <see cref="TcpAccepted"/> was delivered to until it is handed on with
/// <see cref="LineConnection.ControllingProcess"/>.
/// </remarks>
public sealed class LineListener : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Node _node;
    private readonly int _maxLineBytes;
    private readonly int _maxQueuedLines;
    private int _accepting;
    private int _closed;

    private LineListener(Node node, TcpListener listener, int maxLineBytes, int maxQueuedLines)
    {
        _node = node;
        _listener = listener;
        _maxLineBytes = maxLineBytes;
        _maxQueuedLines = maxQueuedLines;
    }

    /// <summary>The port the listener is bound to (on 127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>Starts listening on 127.0.0.1, owned by <paramref name="owner"/>: the listener closes
    /// when <paramref name="owner"/> ends.</summary>
    /// <param name="owner">The calling process.</param>
    /// <param name="port">The port; 0 (the default) picks a free one (see <see cref="Port"/>).</param>
    /// <param name="maxLineBytes">The longest line a connection accepts; a longer one is a
    /// <see cref="TcpError"/> with reason <c>line_too_long</c>.</param>
    /// <param name="maxQueuedLines">How many lines may wait to be sent to a peer that does not read
    /// (see <see cref="LineConnection.Send"/>).</param>
    /// <exception cref="SocketException">The port is taken.</exception>
    public static LineListener Listen(Process owner, int port = 0, int maxLineBytes = 1024, int maxQueuedLines = 64)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLineBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxQueuedLines);
        var tcp = new TcpListener(IPAddress.Loopback, port);
        tcp.Start(backlog: 1024);
        var listener = new LineListener(owner.Node, tcp, maxLineBytes, maxQueuedLines) { Port = ((IPEndPoint)tcp.LocalEndpoint).Port };
        _ = owner.ExitedTask.ContinueWith(_ => listener.Close(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return listener;
    }

    /// <summary>Accepts the next connection: one message, <see cref="TcpAccepted"/> (or
    /// <see cref="TcpListenerClosed"/> once the listener is closed), will be delivered to
    /// <paramref name="to"/>, which owns the new connection. Calling it again before that message
    /// arrives does nothing.</summary>
    public void AcceptOnce(Pid to)
    {
        if (Interlocked.Exchange(ref _accepting, 1) == 1) return;
        _ = AcceptAsync(to);
    }

    /// <summary>Stops listening; connections already accepted stay open. An
    /// <see cref="AcceptOnce"/> in progress ends with <see cref="TcpListenerClosed"/>.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1) return;
        _listener.Stop();
    }

    /// <inheritdoc/>
    public void Dispose() => Close();

    private async Task AcceptAsync(Pid to)
    {
        object message;
        try
        {
            if (Volatile.Read(ref _closed) != 0) throw new ObjectDisposedException(nameof(LineListener));
            var socket = await _listener.AcceptSocketAsync().ConfigureAwait(false);
            var connection = new LineConnection(_node, socket, _maxLineBytes, _maxQueuedLines);
            connection.ControllingProcess(to);
            message = new TcpAccepted(this, connection);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            message = new TcpListenerClosed(this);
        }
        Volatile.Write(ref _accepting, 0);
        _node.Send(to, message);
    }
}
