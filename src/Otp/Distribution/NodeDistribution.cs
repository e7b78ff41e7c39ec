using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Otp.Distribution.Connections;
using Otp.Distribution.Control;
using Otp.Distribution.Epmd;
using Otp.Distribution.Handshake;

namespace Otp.Distribution;

/// <summary>
/// Everything that makes a <see cref="Node"/> a member of a cluster: its listener, its EPMD
/// registration (or its own EPMD when none runs), the connections to other nodes by name, and the
/// bookkeeping that turns a lost connection into <c>noconnection</c> signals and <c>nodedown</c>
/// messages.
/// </summary>
internal sealed partial class NodeDistribution : IRemoteSignals
{
    private readonly ConcurrentDictionary<string, Connection> _connections = new(StringComparer.Ordinal);
    private readonly object _connectGate = new();
    private readonly CancellationTokenSource _stop = new();
    private TcpListener _listener = null!;
    private EpmdRegistration? _registration;
    private Task _accepting = Task.CompletedTask;

    private NodeDistribution(Node node, NodeName name, string cookie, NodeOptions options)
    {
        Node = node;
        Name = name;
        Cookie = cookie;
        Options = options;
        Offered = DistributionFlagSets.Offered | (options.Hidden ? DistributionFlags.None : DistributionFlags.Published);
        Dispatcher = new ControlDispatcher(this);
    }

    public Node Node { get; }

    public NodeName Name { get; }

    public string Cookie { get; }

    public NodeOptions Options { get; }

    public DistributionFlags Offered { get; }

    public uint Creation { get; private set; }

    public DistributionContext Context { get; private set; } = null!;

    public ControlDispatcher Dispatcher { get; }

    /// <summary>The EPMD this node started because none was running, if any.</summary>
    public EpmdServer? OwnEpmd { get; private set; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public long MaxFrameSize => Options.MaxFrameSize;

    public TimeSpan NetTickTime => Options.NetTickTime;

    private IPEndPoint LocalEpmd => new(IPAddress.Loopback, Options.EpmdPort ?? EpmdProtocol.DefaultPort);

    /// <summary>Writes a line to the node's distribution log (refusals, lost connections).</summary>
    public void Log(string line) => (Options.DistributionLog ?? Console.Error.WriteLine)(line);

    /// <summary>Starts listening, registers with EPMD (starting one when none answers) and starts
    /// <c>net_kernel</c>.</summary>
    public static async Task<NodeDistribution> StartAsync(Node node, NodeName name, string cookie, NodeOptions options, CancellationToken ct)
    {
        var d = new NodeDistribution(node, name, cookie, options);
        d._listener = new TcpListener(options.ListenAddress ?? IPAddress.Loopback, options.DistributionPort);
        d._listener.Start();
        try
        {
            await d.RegisterAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            d._listener.Stop();
            if (d.OwnEpmd is { } own) await own.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        d.Context = new DistributionContext(node, new Atom(name.ToString()), d.Creation);
        d._accepting = d.AcceptLoopAsync();
        return d;
    }

    private async Task RegisterAsync(CancellationToken ct)
    {
        // Two nodes starting together may both find no EPMD: one of them gets the port, the
        // other registers with it on its next try.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                _registration = await EpmdClient.RegisterAsync(LocalEpmd, Name.Alive, Port, Options.Hidden, ct).ConfigureAwait(false);
                Creation = _registration.Creation;
                _ = WatchRegistrationAsync(_registration);
                return;
            }
            catch (SocketException) when (attempt < 3 && Options.StartEpmd)
            {
                try
                {
                    OwnEpmd = EpmdServer.Start(LocalEpmd.Port);
                }
                catch (SocketException)
                {
                    await Task.Delay(50 * (attempt + 1), ct).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task WatchRegistrationAsync(EpmdRegistration registration)
    {
        await registration.Closed.ConfigureAwait(false);
        if (_stop.IsCancellationRequested) return;
        // The EPMD went away (for example the node that hosted it stopped). Register again,
        // which starts a new EPMD here if none answers, so this node stays reachable by name.
        Log($"** EPMD connection lost; registering {Name} again **");
        try
        {
            var again = await EpmdClient.RegisterAsync(LocalEpmd, Name.Alive, Port, Options.Hidden, _stop.Token).ConfigureAwait(false);
            _registration = again;
            _ = WatchRegistrationAsync(again);
        }
        catch (SocketException) when (Options.StartEpmd)
        {
            try
            {
                OwnEpmd ??= EpmdServer.Start(LocalEpmd.Port);
                var again = await EpmdClient.RegisterAsync(LocalEpmd, Name.Alive, Port, Options.Hidden, _stop.Token).ConfigureAwait(false);
                _registration = again;
                _ = WatchRegistrationAsync(again);
            }
            catch (Exception e) when (e is SocketException or EpmdException or OperationCanceledException)
            {
                Log($"** {Name} could not register with EPMD again: {e.Message} **");
            }
        }
        catch (Exception e) when (e is SocketException or EpmdException or OperationCanceledException)
        {
            Log($"** {Name} could not register with EPMD again: {e.Message} **");
        }
    }

    private HandshakeSettings Settings => new(Name.ToString(), Cookie, Offered, Creation);

    // ---- Connections ---------------------------------------------------------------------------

    /// <summary>The connection to <paramref name="node"/>, starting one (in the background) if
    /// there is none, as Erlang's auto-connect does. Null for this node itself, a malformed name,
    /// or a name of the other kind (short versus long).</summary>
    public Connection? GetOrConnect(string node)
    {
        if (_connections.TryGetValue(node, out var c) && c.State != ConnectionState.Down) return c;
        if (node == Name.ToString() || _stop.IsCancellationRequested) return null;
        NodeName peer;
        try { peer = NodeName.Parse(node); }
        catch (ArgumentException) { return null; }
        if (!node.Contains('@') || peer.IsLong != Name.IsLong) return null;
        lock (_connectGate)
        {
            if (_connections.TryGetValue(node, out c) && c.State != ConnectionState.Down) return c;
            c = new Connection(this, node);
            c.BeginAttempt();
            c.Dialing = true;
            _connections[node] = c;
        }
        _ = DialAsync(c, peer);
        return c;
    }

    /// <summary>Erlang's <c>net_kernel:connect_node/1</c>: the handshake only.</summary>
    public async Task<bool> ConnectAsync(string node) => GetOrConnect(node) is { } c && await c.Ready.ConfigureAwait(false);

    /// <summary>The connection to <paramref name="node"/> if it exists (any state but down).</summary>
    public Connection? Existing(string node) =>
        _connections.TryGetValue(node, out var c) && c.State != ConnectionState.Down ? c : null;

    private async Task DialAsync(Connection c, NodeName peer)
    {
        TcpClient? client = null;
        try
        {
            using var setup = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            setup.CancelAfter(Options.SetupTime);
            var host = await ResolveAsync(peer.Host, setup.Token).ConfigureAwait(false);
            var info = await EpmdClient.LookUpAsync(new IPEndPoint(host, LocalEpmd.Port), peer.Alive, setup.Token).ConfigureAwait(false)
                ?? throw new HandshakeException($"no node named {peer.Alive} is registered with EPMD on {peer.Host}");
            client = new TcpClient(host.AddressFamily) { NoDelay = true };
            await client.ConnectAsync(new IPEndPoint(host, info.Port), setup.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            var result = await Handshake.Handshake.InitiateAsync(stream, Settings, c.PeerName, setup.Token).ConfigureAwait(false);
            c.Dialing = false;
            if (c.Attach(stream, result))
            {
                OnConnectionUp(c);
                return;
            }
            client.Dispose();
        }
        catch (Exception e) when (e is HandshakeException or EpmdException or SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            client?.Dispose();
            c.Dialing = false;
            // A refused cookie is worth a line; "nobody there" is the normal pang.
            if (e is HandshakeException h && !h.Message.Contains("(nok)") && !h.Message.StartsWith("no node named", StringComparison.Ordinal)) Log($"** {h.Message} **");
            c.AttemptFailed(e.Message);
        }
    }

    private static async Task<IPAddress> ResolveAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host, out var ip)) return ip;
        if (host == "localhost") return IPAddress.Loopback;
        var all = await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
        return all.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? all.FirstOrDefault()
            ?? throw new SocketException((int)SocketError.HostNotFound);
    }

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
                if (_stop.IsCancellationRequested) return;
                continue;
            }
            _ = AcceptOneAsync(client);
        }
    }

    private async Task AcceptOneAsync(TcpClient client)
    {
        Connection? conn = null;
        Connection? replaced = null;
        try
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            using var setup = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            setup.CancelAfter(Options.SetupTime);
            var result = await Handshake.Handshake.AcceptAsync(stream, Settings, (peer, _) => Decide(peer, out conn, out replaced), setup.Token).ConfigureAwait(false);
            if (replaced is not null)
            {
                replaced.Close("replaced by a new connection from the same node");
                lock (_connectGate)
                {
                    conn = new Connection(this, result.PeerName);
                    conn.BeginAttempt();
                    _connections[result.PeerName] = conn;
                }
            }
            if (conn!.Attach(stream, result)) OnConnectionUp(conn);
            else client.Dispose();
        }
        catch (Exception e) when (e is HandshakeException or SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            client.Dispose();
            if (e is HandshakeException h && !h.Message.Contains("(nok)")) Log(h.Message);
            else if (e is OperationCanceledException && !_stop.IsCancellationRequested) Log("** Connection attempt timed out during the handshake **");
            conn?.AttemptFailed(e.Message);
        }
    }

    private AcceptDecision Decide(string peer, out Connection? conn, out Connection? replaced)
    {
        conn = null;
        replaced = null;
        if (peer == Name.ToString() || _stop.IsCancellationRequested) return AcceptDecision.NotAllowed;
        try
        {
            if (NodeName.Parse(peer).IsLong != Name.IsLong) return AcceptDecision.NotAllowed;
        }
        catch (ArgumentException)
        {
            return AcceptDecision.NotAllowed;
        }
        lock (_connectGate)
        {
            if (_connections.TryGetValue(peer, out var existing) && existing.State != ConnectionState.Down)
            {
                if (existing.State == ConnectionState.Up)
                {
                    replaced = existing;
                    return AcceptDecision.Alive;
                }
                // Both nodes dialled at once: as net_kernel decides, the attempt of the node with
                // the greater name wins.
                if (string.CompareOrdinal(Name.ToString(), peer) > 0) return AcceptDecision.Nok;
                existing.BeginAttempt();
                conn = existing;
                return AcceptDecision.OkSimultaneous;
            }
            conn = new Connection(this, peer);
            conn.BeginAttempt();
            _connections[peer] = conn;
            return AcceptDecision.Ok;
        }
    }

    /// <summary>Erlang's <c>nodes/1</c>.</summary>
    public IReadOnlyList<string> Nodes(NodeVisibility which) =>
        [.. _connections.Values
            .Where(c => c.State == ConnectionState.Up && ((c.PeerHidden ? NodeVisibility.Hidden : NodeVisibility.Visible) & which) != 0)
            .Select(c => c.PeerName).Order(StringComparer.Ordinal)];

    /// <summary>Erlang's <c>erlang:disconnect_node/1</c>.</summary>
    public bool Disconnect(string node)
    {
        if (Existing(node) is not { } c) return false;
        c.Close("disconnect");
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var c in _connections.Values) c.Close("the node stopped");
        _registration?.Dispose();
        await _accepting.ConfigureAwait(false);
        if (OwnEpmd is { } own) await own.DisposeAsync().ConfigureAwait(false);
    }
}
