namespace Otp.Distribution.Tests.Nodes;

/// <summary>Two C# nodes on loopback: ping, messages, links, monitors, node monitors.</summary>
public class TwoNodeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static async Task<T?> Next<T>(Process self, Func<T, bool> match) where T : class =>
        await self.Receive(m => m is T t && match(t), Wait) as T;

    /// <summary>The pid of <paramref name="local"/> (a process of <paramref name="node"/>) as another
    /// node sees it: it has to travel over the wire, as pids do in a real cluster.</summary>
    private static async Task<Pid> Remote(Process self, Node node, Pid local)
    {
        var name = "p" + local.Number;
        node.Register(name, local);
        self.Send("whois", node.Name, new ErlangTuple(self.Self, new Atom(name)));
        var reply = await self.Receive(m => m is ErlangTuple { Length: 2 } t && t[0] is Atom { Name: "pid" }, Wait);
        var pid = Assert.IsType<Pid>(Assert.IsType<ErlangTuple>(reply)[1]);
        Assert.False(pid.IsLocal);
        node.Unregister(name);
        return pid;
    }

    private static void Whois(Node node)
    {
        var pid = node.Spawn(async self =>
        {
            while (true)
                if (await self.Receive() is ErlangTuple { Length: 2 } t && t[0] is Pid from && t[1] is Atom name)
                    self.Send(from, new ErlangTuple(new Atom("pid"), (object?)self.Node.WhereIs(name.Name) ?? new Atom("undefined")));
        });
        node.Register("whois", pid);
    }

    private static Pid Echo(Node node, string name)
    {
        var pid = node.Spawn(async self =>
        {
            while (true)
                if (await self.Receive() is ErlangTuple { Length: 2 } t && t[0] is Pid from) self.Send(from, new ErlangTuple(new Atom("echo"), t[1]));
        });
        node.Register(name, pid);
        return pid;
    }

    [Fact]
    public async Task Two_nodes_ping_each_other_and_list_each_other_as_hidden()
    {
        await using var cluster = TestCluster.Start();
        var a = await cluster.StartNodeAsync("a");
        var b = await cluster.StartNodeAsync("b");
        Assert.True(await a.PingAsync(b.Name));
        Assert.True(await b.PingAsync(a.Name));
        Assert.Equal([b.Name], a.Nodes(NodeVisibility.Hidden));
        Assert.Equal([a.Name], b.Nodes(NodeVisibility.Connected));
        Assert.Empty(a.Nodes(NodeVisibility.Visible));
    }

    [Fact]
    public async Task Ping_of_a_node_that_does_not_exist_is_pang()
    {
        await using var cluster = TestCluster.Start();
        var a = await cluster.StartNodeAsync("a");
        Assert.False(await a.PingAsync(cluster.NameOf("nobody")));
        Assert.Empty(a.Nodes(NodeVisibility.Connected));
    }

    [Fact]
    public async Task Wrong_cookie_is_refused_and_logged_on_the_accepting_side()
    {
        await using var cluster = TestCluster.Start();
        var a = await cluster.StartNodeAsync("a", cookie: "right");
        var b = await cluster.StartNodeAsync("b", cookie: "wrong");
        Assert.False(await b.PingAsync(a.Name));
        Assert.Empty(a.Nodes(NodeVisibility.Connected));
        // Logged by the acceptor once it has closed the socket, which may be just after b gives up.
        for (var i = 0; i < 100 && !cluster.Log.Any(l => l.Contains(b.Name)); i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Contains(cluster.Log, l => l.Contains($"Connection attempt from node {b.Name} rejected. Invalid challenge reply"));
        // The refused node still works for a node with the right cookie.
        var c = await cluster.StartNodeAsync("c", cookie: "right");
        Assert.True(await c.PingAsync(a.Name));
    }

    [Fact]
    public async Task Send_to_a_registered_name_and_reply_to_a_remote_pid()
    {
        await using var cluster = TestCluster.Start();
        var a = await cluster.StartNodeAsync("a");
        var b = await cluster.StartNodeAsync("b");
        Echo(b, "echo");
        var reply = await a.RunAsync(async self =>
        {
            self.Send("echo", b.Name, new ErlangTuple(self.Self, "hello"));
            return await self.Receive(m => m is ErlangTuple { Length: 2 } t && t[0] is Atom { Name: "echo" }, Wait);
        });
        Assert.NotNull(reply);
        var t = (ErlangTuple)reply;
        Assert.Equal("hello", t[1] is ErlangList l && l.TryGetString(out var s) ? s : t[1]?.ToString());
    }

    [Fact]
    public async Task Link_across_nodes_carries_the_exit_reason()
    {
        await using var cluster = TestCluster.Start();
        var a = await cluster.StartNodeAsync("a");
        var b = await cluster.StartNodeAsync("b");
        Whois(b);
        var bVictim = b.Spawn(async self => { await self.Receive(m => m is Atom { Name: "die" }); self.Exit(ExitReason.Of("boom")); });
        Pid victim = null!;
        var seen = await a.RunAsync(async self =>
        {
            victim = await Remote(self, b, bVictim);
            self.TrapExit = true;
            self.Link(victim);
            // The link is set up before the order to die, since both go over one connection in order.
            self.Send(victim, new Atom("die"));
            return await self.Receive(m => m is ExitSignal, Wait);
        });
        var exit = Assert.IsType<ExitSignal>(seen);
        Assert.Equal(victim, exit.From);
        Assert.Equal("boom", exit.Reason.Head);
    }

    [Fact]
    public async Task An_untrapped_link_takes_the_remote_partner_down()
    {
        await using var cluster = TestCluster.Start();
        var a = await cluster.StartNodeAsync("a");
        var b = await cluster.StartNodeAsync("b");
        Whois(b);
        var bPartner = b.Spawn(async self => await self.Receive(m => m is Atom { Name: "never" }));
        var reason = await a.RunAsync(async self =>
        {
            var partner = await Remote(self, b, bPartner);
            var crasher = self.Spawn(async me =>
            {
                me.Link(partner);
                await me.Receive(m => m is Atom { Name: "go" });
                me.Exit(ExitReason.Of("fatal"));
            });
            var mon = self.Monitor(partner);
            self.Send(crasher, new Atom("go"));
            return (await Next<Down>(self, d => d.Ref.Equals(mon)))?.Reason;
        });
        Assert.Equal("fatal", reason?.Head);
        Assert.Equal("fatal", (await b.WaitForExitAsync(bPartner, Wait)).Head);
    }

    [Fact]
    public async Task Monitor_of_a_dead_remote_process_and_of_an_unknown_name_is_noproc()
    {
        await using var cluster = TestCluster.Start();
        var a = await cluster.StartNodeAsync("a");
        var b = await cluster.StartNodeAsync("b");
        Whois(b);
        var bGone = b.Spawn(async self => await self.Receive(m => m is Atom { Name: "stop" }));
        Pid gone = null!;
        var (byPid, byName) = await a.RunAsync(async self =>
        {
            gone = await Remote(self, b, bGone);
            b.Send(bGone, new Atom("stop"));
            await b.WaitForExitAsync(bGone, Wait);
            var r1 = self.Monitor(gone);
            var d1 = await Next<Down>(self, d => d.Ref.Equals(r1));
            var r2 = self.Monitor("nobody", b.Name);
            var d2 = await Next<Down>(self, d => d.Ref.Equals(r2));
            return (d1, d2);
        });
        Assert.Equal("noproc", byPid?.Reason.ToString());
        Assert.Equal(gone, byPid?.Item);
        Assert.Equal("noproc", byName?.Reason.ToString());
        Assert.Equal(new RegisteredName("nobody", b.Name), byName?.Item);
    }

    [Fact]
    public async Task Disconnect_fires_noconnection_on_links_and_monitors_and_nodedown()
    {
        await using var cluster = TestCluster.Start();
        var a = await cluster.StartNodeAsync("a");
        var b = await cluster.StartNodeAsync("b");
        Whois(b);
        var bFar = b.Spawn(async self => await self.Receive(m => m is Atom { Name: "never" }));
        var seen = await a.RunAsync(async self =>
        {
            var far = await Remote(self, b, bFar);
            self.TrapExit = true;
            self.Link(far);
            var mon = self.Monitor(far);
            self.MonitorNode(b.Name);
            // A round trip, so that LINK and MONITOR_P have arrived before the cut.
            Echo(b, "echo");
            self.Send("echo", b.Name, new ErlangTuple(self.Self, 1));
            await self.Receive(m => m is ErlangTuple { Length: 2 } t && t[0] is Atom { Name: "echo" }, Wait);
            Assert.True(self.Node.Disconnect(b.Name));
            var got = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                var m = await self.Receive(_ => true, Wait);
                got.Add(m switch
                {
                    ExitSignal e => $"EXIT {e.Reason}",
                    Down d when d.Ref.Equals(mon) => $"DOWN {d.Reason}",
                    ErlangTuple t => $"{t[0]} {t[1]}",
                    null => "timeout",
                    _ => m.ToString()!,
                });
            }
            return got;
        });
        Assert.Equal(["EXIT noconnection", "DOWN noconnection", $"nodedown {b.Name}"], seen);
        // On b the link fires too: the far process did not trap exits, so it ends with noconnection.
        Assert.Equal("noconnection", (await b.WaitForExitAsync(bFar, Wait)).ToString());
    }

    [Fact]
    public async Task Demonitor_stops_the_remote_down()
    {
        await using var cluster = TestCluster.Start();
        var a = await cluster.StartNodeAsync("a");
        var b = await cluster.StartNodeAsync("b");
        Whois(b);
        var bFar = b.Spawn(async self => await self.Receive(m => m is Atom { Name: "stop" }));
        var got = await a.RunAsync(async self =>
        {
            var far = await Remote(self, b, bFar);
            var mon = self.Monitor(far);
            Assert.True(self.Demonitor(mon));
            var mon2 = self.Monitor(far);
            self.Send(far, new Atom("stop"));
            var d = await Next<Down>(self, _ => true);
            Assert.Equal(mon2, d?.Ref);
            return d;
        });
        Assert.Equal("normal", got?.Reason.ToString());
    }

    [Fact]
    public async Task Connecting_to_one_member_connects_to_the_others()
    {
        await using var cluster = TestCluster.Start();
        var a = await cluster.StartNodeAsync("a");
        var b = await cluster.StartNodeAsync("b");
        var c = await cluster.StartNodeAsync("c");
        Assert.True(await b.ConnectAsync(c.Name));
        Assert.True(await a.ConnectAsync(b.Name));
        // The mesher asks b whom it knows and connects to c, in the background: bounded wait.
        for (var i = 0; i < 100 && !a.Nodes(NodeVisibility.Connected).Contains(c.Name); i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal([b.Name, c.Name], a.Nodes(NodeVisibility.Connected));
    }

    [Fact]
    public async Task A_silent_peer_is_disconnected_after_net_ticktime()
    {
        await using var cluster = TestCluster.Start();
        var a = await cluster.StartNodeAsync("a", tweak: o => o with { NetTickTime = TimeSpan.FromSeconds(1) });
        // A peer that completes the handshake and then never sends anything, not even ticks.
        var (stream, _) = await RawPeer.ConnectAsync(a, cluster, "bookclub");
        await using (stream)
        {
            for (var i = 0; i < 100 && a.Nodes(NodeVisibility.Connected).Count > 0; i++) await Task.Delay(50, TestContext.Current.CancellationToken);
            Assert.Empty(a.Nodes(NodeVisibility.Connected));
            Assert.Contains(cluster.Log, l => l.Contains("not responding"));
        }
    }
}
