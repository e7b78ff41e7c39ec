using Otp;
using Otp.Distribution.Epmd;

namespace Workbook.Notebooks.Helpers.Nodes;

/// <summary>
/// Real nodes for a notebook: a private EPMD on a free loopback port (so a notebook never meets
/// the machine's epmd, another notebook, or a chapter run twice), node names made unique with a
/// short random tag (<c>{prefix}_{tag}@localhost</c>), C# nodes and <c>erl</c> nodes listening on
/// loopback only, and everything stopped by <see cref="DisposeAsync"/>.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly List<Node> _nodes = [];
    private readonly List<ErlPeer> _peers = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();
    private readonly EpmdServer _epmd;

    private LocalCluster(EpmdServer epmd, string tag)
    {
        _epmd = epmd;
        Tag = tag;
    }

    /// <summary>The tag that makes this cluster's node names unique.</summary>
    public string Tag { get; }

    /// <summary>The port of this cluster's own EPMD (on 127.0.0.1).</summary>
    public int EpmdPort => _epmd.Port;

    /// <summary>The names registered with this cluster's EPMD now, C# and <c>erl</c> alike,
    /// without the <c>@host</c> part (what <c>net_adm:names/0</c> lists).</summary>
    public IReadOnlyList<string> RegisteredNames => _epmd.Names;

    /// <summary>What the C# nodes logged about their connections (refusals, lost connections),
    /// in order. Kept here rather than printed, so that a line does not land in whichever cell
    /// happens to run when a connection closes.</summary>
    public IReadOnlyList<string> Log => [.. _log];

    /// <summary>Starts a cluster with its own EPMD on a free loopback port.</summary>
    public static LocalCluster Start() => new(EpmdServer.Start(0), Guid.NewGuid().ToString("N")[..4]);

    /// <summary>The unique node name for <paramref name="prefix"/>: <c>{prefix}_{Tag}@localhost</c>.</summary>
    public string NameOf(string prefix) => $"{prefix}_{Tag}@localhost";

    /// <summary>Starts a C# node named <see cref="NameOf"/>(<paramref name="prefix"/>) with
    /// <paramref name="cookie"/>, registered with this cluster's EPMD, listening on loopback.
    /// <paramref name="configure"/> may change further options (say, <c>Hidden = false</c>).</summary>
    public async Task<Node> StartNodeAsync(string prefix, string cookie = "bookclub", Func<NodeOptions, NodeOptions>? configure = null)
    {
        var options = new NodeOptions { Name = NameOf(prefix), Cookie = cookie, EpmdPort = EpmdPort, StartEpmd = false,
                                   DistributionLog = _log.Enqueue };
        var node = await Node.StartDistributedAsync(configure is null ? options : configure(options));
        lock (_nodes) _nodes.Add(node);
        return node;
    }

    /// <summary>
    /// Starts <c>erl -sname {NameOf(prefix)}</c> with <paramref name="cookie"/>, registered with
    /// this cluster's EPMD, evaluating <paramref name="eval"/>, with the Erlang sources
    /// <paramref name="modules"/> (paths relative to the repository root, such as
    /// <c>src/Workbook.Modules/Erlang/tut17.erl</c>) compiled and on its code path. Returns null
    /// when Erlang is not installed.
    /// </summary>
    /// <exception cref="InvalidOperationException">A module did not compile.</exception>
    public async Task<ErlPeer?> StartErlAsync(string prefix, string eval, string cookie = "bookclub", params string[] modules)
    {
        if (!ErlPeer.IsInstalled) return null;
        var code = modules.Length == 0 ? null : await ErlPeer.CompileAsync(modules);
        var peer = ErlPeer.Start(NameOf(prefix), cookie, EpmdPort, eval, code);
        lock (_peers) _peers.Add(peer);
        return peer;
    }

    /// <summary>Stops every <c>erl</c> node and C# node this cluster started, then its EPMD.</summary>
    public async ValueTask DisposeAsync()
    {
        ErlPeer[] peers;
        Node[] nodes;
        lock (_peers) peers = [.. _peers];
        lock (_nodes) nodes = [.. _nodes];
        foreach (var p in peers) await p.DisposeAsync();
        foreach (var n in nodes) await n.DisposeAsync();
        await _epmd.DisposeAsync();
    }
}
