using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Otp.Distribution.Epmd;

/// <summary>
/// Talks to the EPMD (Erlang Port Mapper Daemon) of a host: registers this node's alive name and
/// port, and looks up the port of another node. Every call is bounded by a timeout.
/// </summary>
public static class EpmdClient
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Registers <paramref name="alive"/> at <paramref name="port"/> with the EPMD at
    /// <paramref name="epmd"/>. The registration lasts while the returned connection stays open
    /// (dispose it to unregister); its <see cref="EpmdRegistration.Creation"/> is the number that
    /// tells this incarnation of the node from earlier ones.
    /// </summary>
    /// <exception cref="EpmdException">EPMD refused (the name is taken) or did not answer in time.</exception>
    /// <exception cref="SocketException">No EPMD listens there.</exception>
    public static async Task<EpmdRegistration> RegisterAsync(IPEndPoint epmd, string alive, int port, bool hidden, CancellationToken ct = default)
    {
        var client = new TcpClient(epmd.AddressFamily) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(s_timeout);
            await client.ConnectAsync(epmd, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync(EpmdProtocol.Alive2Request(alive, port, hidden), timeout.Token).ConfigureAwait(false);
            var head = new byte[2];
            await ReadExactlyAsync(stream, head, timeout.Token).ConfigureAwait(false);
            uint creation;
            switch (head[0])
            {
                case EpmdProtocol.Alive2XResp:
                    var c4 = new byte[4];
                    await ReadExactlyAsync(stream, c4, timeout.Token).ConfigureAwait(false);
                    creation = BinaryPrimitives.ReadUInt32BigEndian(c4);
                    break;
                case EpmdProtocol.Alive2Resp:
                    var c2 = new byte[2];
                    await ReadExactlyAsync(stream, c2, timeout.Token).ConfigureAwait(false);
                    creation = BinaryPrimitives.ReadUInt16BigEndian(c2);
                    break;
                default:
                    throw new EpmdException($"EPMD at {epmd} answered ALIVE2_REQ with unknown code {head[0]}");
            }
            if (head[1] != 0)
                throw new EpmdException($"EPMD at {epmd} refused to register '{alive}' (result {head[1]}): is a node with that name already running?");
            return new EpmdRegistration(client, creation == 0 ? 1 : creation);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            client.Dispose();
            throw new EpmdException($"EPMD at {epmd} did not answer within {s_timeout.TotalSeconds} s");
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Asks the EPMD at <paramref name="epmd"/> where node <paramref name="alive"/>
    /// listens. Null if no such node is registered.</summary>
    /// <exception cref="SocketException">No EPMD listens there.</exception>
    /// <exception cref="EpmdException">A malformed reply, or no reply in time.</exception>
    public static async Task<EpmdNodeInfo?> LookUpAsync(IPEndPoint epmd, string alive, CancellationToken ct = default)
    {
        using var client = new TcpClient(epmd.AddressFamily) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(s_timeout);
        try
        {
            await client.ConnectAsync(epmd, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            var name = Encoding.UTF8.GetBytes(alive);
            var body = new byte[1 + name.Length];
            body[0] = EpmdProtocol.PortPlease2Req;
            name.CopyTo(body.AsSpan(1));
            await stream.WriteAsync(EpmdProtocol.WithLength(body), timeout.Token).ConfigureAwait(false);
            var head = new byte[2];
            await ReadExactlyAsync(stream, head, timeout.Token).ConfigureAwait(false);
            if (head[0] != EpmdProtocol.Port2Resp) throw new EpmdException($"EPMD at {epmd} answered PORT_PLEASE2_REQ with unknown code {head[0]}");
            if (head[1] != 0) return null;
            var fixedPart = new byte[10];
            await ReadExactlyAsync(stream, fixedPart, timeout.Token).ConfigureAwait(false);
            var port = BinaryPrimitives.ReadUInt16BigEndian(fixedPart);
            var hidden = fixedPart[2] == EpmdProtocol.HiddenNode;
            var hi = BinaryPrimitives.ReadUInt16BigEndian(fixedPart.AsSpan(4));
            var lo = BinaryPrimitives.ReadUInt16BigEndian(fixedPart.AsSpan(6));
            var nlen = BinaryPrimitives.ReadUInt16BigEndian(fixedPart.AsSpan(8));
            var nameBytes = new byte[nlen];
            await ReadExactlyAsync(stream, nameBytes, timeout.Token).ConfigureAwait(false);
            return new EpmdNodeInfo(Encoding.UTF8.GetString(nameBytes), port, hidden, hi, lo);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new EpmdException($"EPMD at {epmd} did not answer within {s_timeout.TotalSeconds} s");
        }
    }

    /// <summary>Erlang's <c>net_adm:names/0</c>: every (alive name, port) the EPMD at
    /// <paramref name="epmd"/> has registered.</summary>
    /// <exception cref="SocketException">No EPMD listens there.</exception>
    public static async Task<IReadOnlyList<(string Alive, int Port)>> NamesAsync(IPEndPoint epmd, CancellationToken ct = default)
    {
        using var client = new TcpClient(epmd.AddressFamily) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(s_timeout);
        await client.ConnectAsync(epmd, timeout.Token).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync(EpmdProtocol.WithLength([EpmdProtocol.NamesReq]), timeout.Token).ConfigureAwait(false);
        var all = new MemoryStream();
        // The reply is EPMD's port (4 bytes) and then text lines until it closes the socket;
        // bounded so that a misbehaving peer cannot fill memory.
        var buffer = new byte[4096];
        int n;
        while ((n = await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false)) > 0)
        {
            all.Write(buffer, 0, n);
            if (all.Length > 1 << 20) throw new EpmdException($"EPMD at {epmd} sent more than 1 MiB of names");
        }
        if (all.Length < 4) throw new EpmdException($"EPMD at {epmd} sent a truncated NAMES reply");
        var text = Encoding.UTF8.GetString(all.GetBuffer(), 4, (int)all.Length - 4);
        var result = new List<(string, int)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // "name NAME at port PORT"
            var parts = line.Split(' ');
            if (parts is ["name", var alive, "at", "port", var p] && int.TryParse(p, out var port)) result.Add((alive, port));
        }
        return result;
    }

    internal static async Task ReadExactlyAsync(Stream s, byte[] buffer, CancellationToken ct)
    {
        try
        {
            await s.ReadExactlyAsync(buffer, ct).ConfigureAwait(false);
        }
        catch (EndOfStreamException e)
        {
            throw new EpmdException("EPMD closed the connection in the middle of a reply", e);
        }
    }
}
