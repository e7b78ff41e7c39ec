using System.Collections.Concurrent;
using Otp.Distribution.Epmd;

namespace Otp.Distribution.Tests.Nodes;

/// <summary>
/// One test's little cluster: a private EPMD on a free loopback port (so tests never meet the
/// machine's epmd or each other), unique node names, and every node stopped at the end.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly List<Node> _nodes = [];
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    private TestCluster(EpmdServer epmd) => Epmd = epmd;

    public EpmdServer Epmd { get; }

    public int EpmdPort => Epmd.Port;

    public ConcurrentQueue<string> Log { get; } = new();

    public static TestCluster Start() => new(EpmdServer.Start(0));

    /// <summary>A unique node name, <c>{prefix}{tag}@localhost</c>.</summary>
    public string NameOf(string prefix) => $"{prefix}{_tag}@localhost";

    public async Task<Node> StartNodeAsync(string prefix, string cookie = "bookclub", Func<NodeOptions, NodeOptions>? tweak = null)
    {
        var options = new NodeOptions
        {
            Name = NameOf(prefix),
            Cookie = cookie,
            EpmdPort = EpmdPort,
            StartEpmd = false,
            DistributionLog = line => Log.Enqueue(line),
        };
        var node = await Node.StartDistributedAsync(tweak is null ? options : tweak(options));
        lock (_nodes) _nodes.Add(node);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        Node[] all;
        lock (_nodes) all = [.. _nodes];
        foreach (var n in all) await n.DisposeAsync();
        await Epmd.DisposeAsync();
    }
}
