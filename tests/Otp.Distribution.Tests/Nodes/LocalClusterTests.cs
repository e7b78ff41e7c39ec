using System.Net;
using System.Net.Sockets;
using Otp.Distribution.Epmd;
using Workbook.Modules;
using Workbook.Notebooks.Helpers.Nodes;

namespace Otp.Distribution.Tests.Nodes;

/// <summary>The notebooks' <see cref="LocalCluster"/>: private EPMD, unique names, everything
/// stopped on dispose, and <c>erl</c> nodes with compiled modules (chapter 6 relies on all four).</summary>
public class LocalClusterTests
{
    [Fact]
    public async Task Two_clusters_give_the_same_prefix_different_names_and_their_nodes_ping()
    {
        await using var one = LocalCluster.Start();
        await using var two = LocalCluster.Start();
        Assert.NotEqual(one.NameOf("a"), two.NameOf("a"));
        Assert.NotEqual(one.EpmdPort, two.EpmdPort);
        var a = await one.StartNodeAsync("a");
        var b = await one.StartNodeAsync("b");
        Assert.Equal([a.Name.Split('@')[0], b.Name.Split('@')[0]], one.RegisteredNames);
        Assert.Empty(two.RegisteredNames);
        Assert.True(await a.PingAsync(b.Name));
    }

    [Fact]
    public async Task A_wrong_cookie_is_refused_and_logged_in_the_cluster_not_printed()
    {
        await using var cluster = LocalCluster.Start();
        var a = await cluster.StartNodeAsync("a");
        var intruder = await cluster.StartNodeAsync("intruder", cookie: "guess");
        Assert.False(await intruder.PingAsync(a.Name));
        for (var i = 0; i < 100 && !cluster.Log.Any(l => l.Contains("Invalid challenge reply")); i++) await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.Contains(cluster.Log, l => l.Contains($"Connection attempt from node {intruder.Name} rejected"));
    }

    [Fact]
    public async Task Dispose_stops_every_node_and_the_epmd_so_nothing_listens_any_more()
    {
        var cluster = LocalCluster.Start();
        await cluster.StartNodeAsync("a");
        var epmd = new IPEndPoint(IPAddress.Loopback, cluster.EpmdPort);
        var (alive, port) = Assert.Single(await EpmdClient.NamesAsync(epmd, TestContext.Current.CancellationToken));
        Assert.True(await Listens(port));
        await cluster.DisposeAsync();
        Assert.False(await Listens(port), $"node {alive} still listens on {port}");
        Assert.False(await Listens(epmd.Port), "the cluster's EPMD still listens");
    }

    private static async Task<bool> Listens(int port)
    {
        using var client = new TcpClient();
        try { await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken); return true; }
        catch (SocketException) { return false; }
    }

    [Fact]
    public async Task An_erl_node_runs_the_compiled_tut17_against_a_csharp_ping()
    {
        ErlNode.RequireErlang();
        await using var cluster = LocalCluster.Start();
        var pong = await cluster.StartErlAsync("pong", "tut17:start_pong(), io:format(\"ready~n\").", modules: "src/Workbook.Modules/Erlang/tut17.erl");
        Assert.NotNull(pong);
        Assert.True(await pong.WaitForLineAsync("ready"), string.Join('\n', pong.Lines));
        Assert.Contains(pong.Name.Split('@')[0], cluster.RegisteredNames);
        var ping = await cluster.StartNodeAsync("ping", configure: o => o with { StandardOutput = TextWriter.Null });
        await ping.RunAsync(self => Tut17.Ping(self, 3, new Atom(pong.Name)));
        Assert.True(await pong.WaitForLineAsync("Pong finished"), string.Join('\n', pong.Lines));
        Assert.Equal(["ready", "Pong received ping", "Pong received ping", "Pong received ping", "Pong finished"], pong.Lines);
    }
}
