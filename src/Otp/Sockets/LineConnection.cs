using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Otp.Sockets;

/// <summary>
/// One TCP connection speaking a line protocol, owned by one process, with flow control in the
/// spirit of Erlang's <c>{active, once}</c>: the connection reads nothing until its owner asks for
/// the next line (<see cref="ActivateOnce"/>), then delivers exactly one <see cref="TcpLine"/>
/// (or <see cref="TcpClosed"/> / <see cref="TcpError"/>) to the owner's mailbox. A client that
/// sends faster than the owner handles fills its own TCP window, not the server's memory.
/// </summary>
/// <remarks>
/// Memory per connection is bounded both ways: at most <c>maxLine</c> bytes of input are held
/// (a longer line is a <c>line_too_long</c> error), and at most <c>maxQueued</c> lines wait to be
/// sent (<see cref="Send"/> returns false past that: a peer that does not read its answers, a
/// slow reader, is the owner's to drop).
/// </remarks>
public sealed class LineConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly Node _node;
    private readonly int _maxLine;
    private readonly byte[] _buffer;
    private readonly Channel<string> _outgoing;
    private int _start;
    private int _end;
    private int _reading;
    private int _closed;
    private int _ownerGeneration;
    private readonly long _id;

    internal LineConnection(Node node, Socket socket, int maxLine, int maxQueued)
    {
        _node = node;
        _id = node.NextPortNumber();
        _socket = socket;
        _maxLine = maxLine;
        _buffer = new byte[maxLine + 2];
        _outgoing = Channel.CreateBounded<string>(new BoundedChannelOptions(maxQueued) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _ = WriteLoopAsync();
    }

    /// <summary>Asks for the next line: one message (<see cref="TcpLine"/>, <see cref="TcpClosed"/>
    /// or <see cref="TcpError"/>) will be delivered to <paramref name="owner"/>. Calling it again
    /// before that message arrives does nothing.</summary>
    public void ActivateOnce(Pid owner)
    {
        if (Volatile.Read(ref _closed) != 0 || Interlocked.Exchange(ref _reading, 1) == 1) return;
        _ = ReadLineAsync(owner);
    }

    /// <summary>
    /// Makes <paramref name="owner"/> the connection's controlling process (Erlang's
    /// <c>gen_tcp:controlling_process/2</c>): when it ends, the connection closes, after sending
    /// what is queued if it ended normally, at once otherwise. A crashed handler thus never leaves
    /// its client waiting on an open socket. The previous owner no longer closes it.
    /// </summary>
    /// <remarks>Which process receives the lines is still chosen by each
    /// <see cref="ActivateOnce"/>; the owner is the one that calls it, as in Erlang.</remarks>
    public void ControllingProcess(Pid owner)
    {
        var generation = Interlocked.Increment(ref _ownerGeneration);
        if (owner.Process is not { } process)
        {
            // Not a local process (or none): nobody could ever close it, so close it now.
            Abort();
            return;
        }
        _ = process.ExitedTask.ContinueWith(t =>
        {
            if (Volatile.Read(ref _ownerGeneration) != generation) return;
            if (t.Result.IsNormal) Close();
            else Abort();
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>Erlang's way of printing a socket, <c>#Port&lt;0.N&gt;</c>, N counting the
    /// connections of its node.</summary>
    public override string ToString() => $"#Port<0.{_id}>";

    /// <summary>Queues <paramref name="line"/> (a line ending is added) to be sent. False if the
    /// connection is closed, or if <c>maxQueued</c> lines already wait because the peer does not
    /// read them.</summary>
    public bool Send(string line) => Volatile.Read(ref _closed) == 0 && _outgoing.Writer.TryWrite(line);

    /// <summary>Closes the connection after the lines already queued have been sent (or failed).</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1) return;
        _outgoing.Writer.TryComplete();
    }

    /// <summary>Closes the connection at once, dropping whatever is still queued: for a peer
    /// that does not read, whose pending send would otherwise never finish.</summary>
    public void Abort()
    {
        Interlocked.Exchange(ref _closed, 1);
        _outgoing.Writer.TryComplete();
        _socket.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose() => Abort();

    private async Task ReadLineAsync(Pid owner)
    {
        object message;
        try
        {
            message = await NextLineAsync().ConfigureAwait(false) is { } line ? new TcpLine(this, line) : new TcpClosed(this);
        }
        catch (LineTooLongException)
        {
            message = new TcpError(this, "line_too_long");
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            message = new TcpError(this, "closed");
        }
        // The owner closes after a TcpClosed or TcpError (after telling the peer why, if it can).
        Volatile.Write(ref _reading, 0);
        _node.Send(owner, message);
    }

    private sealed class LineTooLongException : Exception;

    /// <summary>The next line, or null at the end of the stream.</summary>
    private async Task<string?> NextLineAsync()
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == '\r') length--;
                var line = Encoding.UTF8.GetString(_buffer, _start, length);
                _start = newline + 1;
                return line;
            }
            if (_end - _start > _maxLine) throw new LineTooLongException();
            // Keep the partial line at the front, then read no more than the buffer holds.
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length) throw new LineTooLongException();
            var n = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None).ConfigureAwait(false);
            if (n == 0) return null;
            _end += n;
        }
    }

    private async Task DrainAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var scratch = new byte[4096];
        try
        {
            for (var total = 0; total < 1 << 20;)
            {
                var n = await _socket.ReceiveAsync(scratch, SocketFlags.None, cts.Token).ConfigureAwait(false);
                if (n == 0) return;
                total += n;
            }
        }
        catch (OperationCanceledException)
        {
            // The peer keeps the connection open without sending: close it anyway.
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var line in _outgoing.Reader.ReadAllAsync().ConfigureAwait(false))
                await _socket.SendAsync(Encoding.UTF8.GetBytes(line + "\n"), SocketFlags.None).ConfigureAwait(false);
            _socket.Shutdown(SocketShutdown.Send);
            // Closing a socket with unread input makes the kernel reset the connection, and the
            // peer may lose our last line (an "error line_too_long" it has not read yet). So read
            // and drop what is left first, bounded in bytes and time.
            if (Volatile.Read(ref _reading) == 0) await DrainAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            // The peer went away: nothing more can be told to it.
        }
        finally
        {
            Interlocked.Exchange(ref _closed, 1);
            _socket.Dispose();
        }
    }
}
