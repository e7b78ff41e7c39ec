using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
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
    // Outgoing frames. Whoever queues one writes the queue out itself if nobody else is writing
    // (see Drain): no hand-off to a writer task, which cost a thread-pool wake-up per message.
    private readonly ConcurrentQueue<byte[]> _out = new();
    private int _writing;
    private BufferedStream? _buffered;
    // Frames queued closer together than this, after a write, count as a burst (10 us: a
    // request/reply exchange on loopback takes longer than that, a loop of sends much less).
    private static readonly long s_burstGap = System.Diagnostics.Stopwatch.Frequency / 100_000;
    private long _lastWrite;
    private int _drainScheduled;
    [ThreadStatic] private static bool t_reading;
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
        if (State == ConnectionState.Down) return;
        _out.Enqueue(frame);
        // Before the handshake there is no socket yet: Attach writes what was queued.
        if (Volatile.Read(ref _buffered) is null) return;
        // A frame right after the last write is part of a burst: leave it to a drain on the
        // thread pool, so that the burst's frames share one write and one flush. A frame after a
        // pause (a request, a reply) is written at once, on this thread.
        // The reader (answering a signal: UNLINK_ID_ACK, noproc) must not block in a write: if
        // both nodes' readers did, while each waits for the other to read, neither would again.
        // t_reading is set only while a frame is dispatched, on whichever thread runs the reader.
        if (t_reading || System.Diagnostics.Stopwatch.GetTimestamp() - Volatile.Read(ref _lastWrite) < s_burstGap) ScheduleDrain();
        else Drain();
    }

    private void ScheduleDrain()
    {
        if (Interlocked.Exchange(ref _drainScheduled, 1) != 0) return;
        ThreadPool.UnsafeQueueUserWorkItem(static c =>
        {
            Volatile.Write(ref c._drainScheduled, 0);
            c.Drain();
        }, this, preferLocal: false);
    }

    /// <summary>
    /// Writes every queued frame and flushes once, on the calling thread, unless another thread is
    /// already doing so (it then writes this caller's frame too). Frames keep the order they were
    /// queued in. A peer that does not read blocks the writer, as a busy distribution port
    /// suspends the sending process in Erlang.
    /// </summary>
    private void Drain()
    {
        while (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            try
            {
                var buffered = _buffered!;
                var wrote = false;
                while (_out.TryDequeue(out var frame))
                {
                    buffered.Write(frame);
                    wrote = true;
                }
                if (wrote)
                {
                    buffered.Flush();
                    Volatile.Write(ref _lastSent, Environment.TickCount64);
                    Volatile.Write(ref _lastWrite, System.Diagnostics.Stopwatch.GetTimestamp());
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or System.Net.Sockets.SocketException or NotSupportedException)
            {
                Volatile.Write(ref _writing, 0);
                Close($"write failed: {e.Message}");
                return;
            }
            Volatile.Write(ref _writing, 0);
            // A frame queued after the last TryDequeue but before the release found the flag
            // still set and left it to us: look again.
            if (_out.IsEmpty || State == ConnectionState.Down) return;
        }
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
        Volatile.Write(ref _buffered, new BufferedStream(stream, 64 * 1024));
        Drain();
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
        _out.Clear();
        _closed.Cancel();
        try { s?.Dispose(); } catch (Exception e) when (e is IOException or ObjectDisposedException) { }
        _ready.TrySetResult(false);
        _owner.OnConnectionDown(this, why);
    }

    private async Task ReadLoopAsync(Stream stream)
    {
        // Buffered: one read from the socket takes every frame that has arrived, where a read per
        // length and per frame cost two system calls a frame (a burst's throughput doubled).
        var input = new BufferedStream(stream, 64 * 1024);
        var header = new byte[4];
        var why = "closed by the peer";
        try
        {
            while (true)
            {
                await input.ReadExactlyAsync(header, _closed.Token).ConfigureAwait(false);
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
                    await input.ReadExactlyAsync(frame.AsMemory(0, (int)length), _closed.Token).ConfigureAwait(false);
                    Volatile.Write(ref _lastReceived, Environment.TickCount64);
                    t_reading = true;
                    try
                    {
                        _owner.Dispatcher.Dispatch(this, frame.AsSpan(0, (int)length));
                    }
                    finally
                    {
                        t_reading = false;
                    }
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
