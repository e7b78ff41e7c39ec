using System.Buffers;
using System.Buffers.Binary;
using System.Threading.Channels;
using Otp.Distribution.Handshake;

namespace Otp.Distribution.Connections;

/// <summary>
/// The connection to one other node: a queue of outgoing frames (filled from the moment a send
/// needs the node, before the handshake is done, as Erlang's auto-connect does), the socket once
/// a handshake succeeds, the ticks that keep it alive, and the links and monitors that cross it,
/// which fire <c>noconnection</c> when it goes down.
/// </summary>
internal sealed class Connection
{
    private readonly NodeDistribution _owner;
    private readonly Channel<byte[]> _out = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _gate = new();
    private readonly CancellationTokenSource _closed = new();
    private Stream? _stream;
    private int _attempts;

    /// <summary>True while this node dials the peer (for the simultaneous-connect rule).</summary>
    public volatile bool Dialing;
    private long _lastReceived;
    private long _lastSent;

    // Links and monitors across this connection, so that its loss can be signalled.
    public readonly HashSet<(Pid Local, Pid Remote)> Links = [];
    public readonly Dictionary<Ref, (Process Watcher, Pid? Target, object Item)> WatchingRemote = [];
    public readonly Dictionary<Ref, Process> WatchedByRemote = [];

    public Connection(NodeDistribution owner, string peer)
    {
        _owner = owner;
        PeerName = peer;
    }

    public string PeerName { get; }

    public ConnectionState State { get; private set; } = ConnectionState.Pending;

    public HandshakeResult? Handshake { get; private set; }

    public DistributionFlags Flags => Handshake?.Flags ?? DistributionFlags.None;

    public bool PeerHidden => Handshake?.PeerHidden ?? true;

    /// <summary>Completes when the connection is up (true) or has failed (false).</summary>
    public Task<bool> Ready => _ready.Task;

    private readonly TaskCompletionSource<bool> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public object Gate => _gate;

    /// <summary>Counts a handshake in progress for this peer (dialled or accepted).</summary>
    public void BeginAttempt()
    {
        lock (_gate) _attempts++;
    }

    /// <summary>A handshake for this peer failed; with no other attempt left and no socket, the
    /// connection is down.</summary>
    public void AttemptFailed(string why)
    {
        bool down;
        lock (_gate) down = --_attempts <= 0 && State == ConnectionState.Pending;
        if (down) Close(why);
    }

    /// <summary>Queues a frame. Dropped once the connection is down, as Erlang drops messages to
    /// an unreachable node.</summary>
    public void Enqueue(byte[] frame)
    {
        if (State != ConnectionState.Down) _out.Writer.TryWrite(frame);
    }

    /// <summary>A handshake succeeded: the socket carries this connection from now on.</summary>
    public bool Attach(Stream stream, HandshakeResult result)
    {
        lock (_gate)
        {
            _attempts--;
            if (State != ConnectionState.Pending || _stream is not null) return false;
            _stream = stream;
            Handshake = result;
            State = ConnectionState.Up;
        }
        var now = Environment.TickCount64;
        _lastReceived = now;
        _lastSent = now;
        _ = WriteLoopAsync(stream);
        _ = ReadLoopAsync(stream);
        _ = TickLoopAsync();
        _ready.TrySetResult(true);
        return true;
    }

    /// <summary>Closes the connection (once): the node forgets it and signals <c>noconnection</c>
    /// to every link and monitor across it.</summary>
    public void Close(string why)
    {
        Stream? s;
        lock (_gate)
        {
            if (State == ConnectionState.Down) return;
            State = ConnectionState.Down;
            s = _stream;
        }
        _out.Writer.TryComplete();
        _closed.Cancel();
        try { s?.Dispose(); } catch (Exception e) when (e is IOException or ObjectDisposedException) { }
        _ready.TrySetResult(false);
        _owner.OnConnectionDown(this, why);
    }

    private async Task WriteLoopAsync(Stream stream)
    {
        var buffered = new BufferedStream(stream, 64 * 1024);
        try
        {
            var reader = _out.Reader;
            while (await reader.WaitToReadAsync(_closed.Token).ConfigureAwait(false))
            {
                // Write everything queued, then flush once: many small messages share a packet.
                while (reader.TryRead(out var frame)) await buffered.WriteAsync(frame, _closed.Token).ConfigureAwait(false);
                await buffered.FlushAsync(_closed.Token).ConfigureAwait(false);
                Volatile.Write(ref _lastSent, Environment.TickCount64);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            Close($"write failed: {e.Message}");
        }
    }

    private async Task ReadLoopAsync(Stream stream)
    {
        var header = new byte[4];
        var why = "closed by the peer";
        try
        {
            while (true)
            {
                await stream.ReadExactlyAsync(header, _closed.Token).ConfigureAwait(false);
                Volatile.Write(ref _lastReceived, Environment.TickCount64);
                var length = BinaryPrimitives.ReadUInt32BigEndian(header);
                if (length == 0) continue; // a tick
                if (length > _owner.MaxFrameSize)
                {
                    why = $"a frame of {length} bytes exceeds the limit of {_owner.MaxFrameSize}";
                    break;
                }
                var frame = ArrayPool<byte>.Shared.Rent((int)length);
                try
                {
                    await stream.ReadExactlyAsync(frame.AsMemory(0, (int)length), _closed.Token).ConfigureAwait(false);
                    Volatile.Write(ref _lastReceived, Environment.TickCount64);
                    _owner.Dispatcher.Dispatch(this, frame.AsSpan(0, (int)length));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(frame);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or EndOfStreamException or System.Net.Sockets.SocketException)
        {
        }
        catch (BadFrameException e)
        {
            why = e.Message;
        }
        if (State != ConnectionState.Down) _owner.Log($"** Connection to {PeerName} closed: {why} **");
        Close(why);
    }

    private async Task TickLoopAsync()
    {
        var tickTime = _owner.NetTickTime;
        var interval = TimeSpan.FromTicks(tickTime.Ticks / 4);
        try
        {
            while (true)
            {
                await Task.Delay(interval, _closed.Token).ConfigureAwait(false);
                var now = Environment.TickCount64;
                if (now - Volatile.Read(ref _lastReceived) > tickTime.TotalMilliseconds)
                {
                    _owner.Log($"** Node {PeerName} not responding ** ** Removing (timedout) connection **");
                    Close("net_tick_timeout");
                    return;
                }
                if (now - Volatile.Read(ref _lastSent) >= interval.TotalMilliseconds) Enqueue(Frame.Tick);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
