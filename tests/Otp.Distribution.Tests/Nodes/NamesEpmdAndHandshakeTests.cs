using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Otp.Distribution.Epmd;
using Otp.Distribution.Handshake;

namespace Otp.Distribution.Tests.Nodes;

/// <summary>Node names, the cookie file, EPMD (client and the node's own server), handshake refusals.</summary>
public class NamesEpmdAndHandshakeTests
{
    [Theory]
    [InlineData("cs@localhost", "cs", "localhost", false)]
    [InlineData("cs@127.0.0.1", "cs", "127.0.0.1", true)]
    [InlineData("a-b_1@host.example.org", "a-b_1", "host.example.org", true)]
    public void Names_split_into_alive_and_host(string text, string alive, string host, bool isLong)
    {
        var n = NodeName.Parse(text);
        Assert.Equal((alive, host, isLong), (n.Alive, n.Host, n.IsLong));
        Assert.Equal(text, n.ToString());
    }

    [Theory]
    [InlineData("@host")]
    [InlineData("cs@")]
    [InlineData("a@b@c")]
    [InlineData("no spaces@host")]
    public void Bad_names_are_refused_with_a_clear_error(string text) =>
        Assert.Contains("node name", Assert.Throws<ArgumentException>(() => NodeName.Parse(text)).Message);

    [Fact]
    public void A_bare_alive_name_gets_the_short_host_name_as_sname_does() =>
        Assert.Equal($"cs@{NodeName.ShortHostName()}", NodeName.Parse("cs").ToString());

    [Fact]
    public void A_missing_cookie_file_is_created_owner_read_only_and_read_back()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cookie-{Guid.NewGuid():N}");
        try
        {
            var first = Cookie.ReadOrCreate(path);
            Assert.Matches("^[A-Z]{20}$", first);
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead, File.GetUnixFileMode(path));
            Assert.Equal(first, Cookie.ReadOrCreate(path));
        }
        finally
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Delete(path);
        }
    }

    [Fact]
    public void A_cookie_file_others_can_read_is_refused()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("Unix file modes only");
        var path = Path.Combine(Path.GetTempPath(), $"cookie-{Guid.NewGuid():N}");
        File.WriteAllText(path, "SECRET");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        try
        {
            Assert.Contains("owner only", Assert.Throws<InvalidOperationException>(() => Cookie.ReadOrCreate(path)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_digest_is_md5_of_cookie_and_decimal_challenge()
    {
        // MD5("abc" ++ "4294967295"): the challenge is unsigned decimal text.
        var expected = System.Security.Cryptography.MD5.HashData("abc4294967295"u8.ToArray());
        Assert.Equal(expected, Handshake.Handshake.Digest(uint.MaxValue, "abc"));
    }

    [Fact]
    public async Task Epmd_registers_looks_up_lists_and_forgets_a_closed_registration()
    {
        await using var epmd = EpmdServer.Start(0);
        var at = new IPEndPoint(IPAddress.Loopback, epmd.Port);
        var ct = TestContext.Current.CancellationToken;
        using (var reg = await EpmdClient.RegisterAsync(at, "alpha", 12345, hidden: true, ct))
        {
            Assert.NotEqual(0u, reg.Creation);
            var info = await EpmdClient.LookUpAsync(at, "alpha", ct);
            Assert.Equal(new EpmdNodeInfo("alpha", 12345, true, 6, 6), info);
            Assert.Equal([("alpha", 12345)], await EpmdClient.NamesAsync(at, ct));
            // The same name twice is refused while the first registration lives.
            await Assert.ThrowsAsync<EpmdException>(() => EpmdClient.RegisterAsync(at, "alpha", 1, hidden: true, ct));
        }
        for (var i = 0; i < 100 && epmd.Names.Count > 0; i++) await Task.Delay(20, ct);
        Assert.Null(await EpmdClient.LookUpAsync(at, "alpha", ct));
    }

    [Fact]
    public async Task With_no_epmd_running_the_first_node_serves_it_and_a_second_node_and_erl_use_it()
    {
        // A free port where no EPMD runs.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var tag = Guid.NewGuid().ToString("N")[..8];
        NodeOptions Options(string alive) => new() { Name = $"{alive}{tag}@localhost", Cookie = "bookclub", EpmdPort = port, DistributionLog = _ => { } };
        await using var a = await Node.StartDistributedAsync(Options("a"), TestContext.Current.CancellationToken);
        await using var b = await Node.StartDistributedAsync(Options("b"), TestContext.Current.CancellationToken);
        Assert.True(await b.PingAsync(a.Name));
        var names = await EpmdClient.NamesAsync(new IPEndPoint(IPAddress.Loopback, port), TestContext.Current.CancellationToken);
        Assert.Equal([$"a{tag}", $"b{tag}"], names.Select(n => n.Alive).Order(StringComparer.Ordinal));

        ErlNode.RequireErlang();
        await using var cluster = TestCluster.Start();
        // The erl node is told to use the C# node's EPMD port, not the cluster's.
        await using var erl = ErlNode.StartWithEpmdPort(port, $"erl{tag}@localhost",
            $"io:format(\"ping ~p ~p~n\", [net_adm:ping('{a.Name}'), net_adm:ping('{b.Name}')]), halt().");
        Assert.Equal("ping pong pong", await erl.LineAsync(l => l.StartsWith("ping ")));
    }

    [Fact]
    public async Task A_peer_without_the_mandatory_flags_gets_not_allowed_and_a_log_line()
    {
        await using var cluster = TestCluster.Start();
        var node = await cluster.StartNodeAsync("a");
        var without = DistributionFlagSets.Offered & ~DistributionFlags.Utf8Atoms & ~DistributionFlags.Mandatory25Digest;
        var e = await Assert.ThrowsAsync<HandshakeException>(() => RawPeer.ConnectAsync(node, cluster, "bookclub", without));
        Assert.Contains("not_allowed", e.Message);
        for (var i = 0; i < 100 && cluster.Log.IsEmpty; i++) await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.Contains(cluster.Log, l => l.Contains("cannot handle [Utf8Atoms]"));
    }

    [Fact]
    public async Task A_node_name_that_does_not_match_the_dialled_one_is_refused()
    {
        await using var cluster = TestCluster.Start();
        var node = await cluster.StartNodeAsync("a");
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(IPAddress.Loopback, node.DistributionPort, TestContext.Current.CancellationToken);
        var me = new HandshakeSettings(cluster.NameOf("raw"), "bookclub", DistributionFlagSets.Offered, 9);
        var e = await Assert.ThrowsAsync<HandshakeException>(() =>
            Handshake.Handshake.InitiateAsync(client.GetStream(), me, "someone-else@localhost", TestContext.Current.CancellationToken));
        Assert.Contains($"the node answering is named {node.Name}", e.Message);
    }
}
