using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Otp.Distribution.Epmd;

/// <summary>
/// A small EPMD, for machines where no <c>epmd</c> runs: a distributed node starts one when it
/// finds no EPMD to register with, so that other C# nodes (and an <c>erl</c> started later, which
/// then uses it instead of starting its own) can find each other. It speaks the part of the
/// protocol nodes use: ALIVE2_REQ (registration for as long as that connection stays open),
/// PORT_PLEASE2_REQ and NAMES_REQ. It listens on the loopback interface only.
/// </summary>
public sealed class EpmdServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly ConcurrentDictionary<string, Entry> _nodes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private uint _nextCreation = (uint)Random.Shared.Next(1, int.MaxValue);

    private sealed record Entry(int Port, byte Type, byte Protocol, ushort High, ushort Low, byte[] Extra);

    private EpmdServer(TcpListener listener)
    {
        _listener = listener;
        _accepting = AcceptLoopAsync();
    }

    /// <summary>The port it listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/> (0 for any free port).</summary>
    /// <exception cref="SocketException">The port is taken (another EPMD runs there).</exception>
    public static EpmdServer Start(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        // Without this, a port just freed by a stopped EPMD stays unusable for a while on Linux.
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return new EpmdServer(listener);
    }

    /// <summary>The alive names registered now, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _nodes.Keys.Order(StringComparer.Ordinal)];

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        string? registered = null;
        try
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            byte[] request;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
            {
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                var len = new byte[2];
                await stream.ReadExactlyAsync(len, timeout.Token).ConfigureAwait(false);
                var n = BinaryPrimitives.ReadUInt16BigEndian(len);
                if (n == 0) return;
                request = new byte[n];
                await stream.ReadExactlyAsync(request, timeout.Token).ConfigureAwait(false);
            }
            switch (request[0])
            {
                case EpmdProtocol.Alive2Req:
                    registered = await RegisterAsync(stream, request).ConfigureAwait(false);
                    if (registered is null) return;
                    // The registration lasts as long as this connection: wait for it to close.
                    var one = new byte[1];
                    while (await stream.ReadAsync(one, _stop.Token).ConfigureAwait(false) > 0) { }
                    return;
                case EpmdProtocol.PortPlease2Req:
                    await stream.WriteAsync(PortReply(Encoding.UTF8.GetString(request, 1, request.Length - 1)), _stop.Token).ConfigureAwait(false);
                    return;
                case EpmdProtocol.NamesReq:
                    await stream.WriteAsync(NamesReply(), _stop.Token).ConfigureAwait(false);
                    return;
                default:
                    return; // Unknown or unsupported (kill, dump, stop): close, as epmd does for bad requests.
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException or EndOfStreamException)
        {
        }
        finally
        {
            if (registered is not null) _nodes.TryRemove(registered, out _);
            client.Dispose();
        }
    }

    private async Task<string?> RegisterAsync(NetworkStream stream, byte[] req)
    {
        // 120, Port:16, Type:8, Proto:8, Hi:16, Lo:16, Nlen:16, Name, Elen:16, Extra
        var ok = req.Length >= 13;
        string name = "";
        Entry? entry = null;
        if (ok)
        {
            var nlen = BinaryPrimitives.ReadUInt16BigEndian(req.AsSpan(9));
            ok = nlen > 0 && req.Length >= 13 + nlen;
            if (ok)
            {
                name = Encoding.UTF8.GetString(req, 11, nlen);
                var elen = BinaryPrimitives.ReadUInt16BigEndian(req.AsSpan(11 + nlen));
                ok = req.Length >= 13 + nlen + elen;
                if (ok)
                    entry = new Entry(BinaryPrimitives.ReadUInt16BigEndian(req.AsSpan(1)), req[3], req[4],
                        BinaryPrimitives.ReadUInt16BigEndian(req.AsSpan(5)), BinaryPrimitives.ReadUInt16BigEndian(req.AsSpan(7)),
                        req.AsSpan(13 + nlen, elen).ToArray());
            }
        }
        ok = ok && _nodes.TryAdd(name, entry!);
        var creation = Interlocked.Increment(ref _nextCreation);
        if (creation == 0) creation = Interlocked.Increment(ref _nextCreation);
        var reply = new byte[6];
        reply[0] = EpmdProtocol.Alive2XResp;
        reply[1] = ok ? (byte)0 : (byte)1;
        BinaryPrimitives.WriteUInt32BigEndian(reply.AsSpan(2), ok ? creation : 0);
        await stream.WriteAsync(reply, _stop.Token).ConfigureAwait(false);
        return ok ? name : null;
    }

    private byte[] PortReply(string name)
    {
        if (!_nodes.TryGetValue(name, out var e)) return [EpmdProtocol.Port2Resp, 1];
        var n = Encoding.UTF8.GetBytes(name);
        var reply = new byte[2 + 10 + n.Length + 2 + e.Extra.Length];
        reply[0] = EpmdProtocol.Port2Resp;
        reply[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(2), (ushort)e.Port);
        reply[4] = e.Type;
        reply[5] = e.Protocol;
        BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(6), e.High);
        BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(8), e.Low);
        BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(10), (ushort)n.Length);
        n.CopyTo(reply.AsSpan(12));
        BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(12 + n.Length), (ushort)e.Extra.Length);
        e.Extra.CopyTo(reply.AsSpan(14 + n.Length));
        return reply;
    }

    private byte[] NamesReply()
    {
        var text = string.Concat(_nodes.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"name {kv.Key} at port {kv.Value.Port}\n"));
        var body = Encoding.UTF8.GetBytes(text);
        var reply = new byte[4 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(reply, (uint)Port);
        body.CopyTo(reply.AsSpan(4));
        return reply;
    }

    /// <summary>Stops listening and drops every registration.</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        _stop.Dispose();
    }
}
