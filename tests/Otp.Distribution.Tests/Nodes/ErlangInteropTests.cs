namespace Otp.Distribution.Tests.Nodes;

/// <summary>A C# node beside real <c>erl</c> and <c>elixir</c> nodes.</summary>
public class ErlangInteropTests
{
    [Fact]
    public async Task Erl_pings_the_csharp_node_and_gets_pong()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs");
        await using var erl = ErlNode.Start(cluster, cluster.NameOf("erl"),
            $"io:format(\"ping ~p~n\", [net_adm:ping('{cs.Name}')]), io:format(\"nodes ~p ~p~n\", [nodes(), nodes(hidden)]), halt().");
        Assert.Equal("ping pong", await erl.LineAsync(l => l.StartsWith("ping ")));
        // Hidden by default: not in nodes(), in nodes(hidden).
        Assert.Equal($"nodes [] [{cs.Name}]", await erl.LineAsync(l => l.StartsWith("nodes ")));
    }

    [Fact]
    public async Task The_csharp_node_pings_erl()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs");
        var erlName = cluster.NameOf("erl");
        await using var erl = ErlNode.Start(cluster, erlName, "io:format(\"up~n\"), receive stop -> ok end.");
        await erl.LineAsync("up");
        Assert.True(await cs.PingAsync(erlName));
        Assert.Equal([erlName], cs.Nodes(NodeVisibility.Visible));
        Assert.Empty(cs.Nodes(NodeVisibility.Hidden));
    }
}
