namespace Otp.Distribution;

/// <summary>
/// The processes a distributed node runs for its peers: <c>net_kernel</c>, which answers the
/// <c>is_auth</c> call behind <c>net_adm:ping</c> and Elixir's <c>Node.ping</c>; <c>rex</c>,
/// the classic rpc server, which calls the node's modules (the mesher uses it for
/// <c>erlang:nodes/1</c>); <c>user</c>, the io server of the node's standard output; <c>logger_proxy</c>, which prints the
/// error reports other nodes send about processes spawned from here; and, with <see cref="NodeOptions.ConnectAll"/>, the mesher, which asks every
/// newly connected node for its nodes and connects to them.
/// </summary>
internal static class NetKernel
{
    private static readonly Atom s_genCall = new("$gen_call");
    private static readonly Atom s_isAuth = new("is_auth");
    private static readonly Atom s_yes = new("yes");
    private static readonly Atom s_call = new("call");
    private static readonly Atom s_rex = new("rex");

    public static void Start(Node node)
    {
        node.Register("net_kernel", node.Spawn(NetKernelLoop));
        node.Register("rex", node.Spawn(RexLoop));
        node.Register("user", node.Spawn(Io.IoServer.Loop));
        node.Register("logger_proxy", node.Spawn(Io.LoggerProxy.Loop));
        if (node.Options.ConnectAll) node.Spawn(MeshLoop);
    }

    private static async Task NetKernelLoop(Process self)
    {
        while (true)
        {
            // {'$gen_call', {From, Tag}, {is_auth, Node}}: the reply is {Tag, yes}, Tag echoed
            // exactly (OTP 24+ sends [alias|Ref], an improper list), to the caller's pid.
            var m = await self.Receive();
            if (m is ErlangTuple { Length: 3 } t && s_genCall.Equals(t[0]) && t[1] is ErlangTuple { Length: 2 } from && from[0] is Pid caller
                && t[2] is ErlangTuple { Length: 2 } req && s_isAuth.Equals(req[0]))
                self.Send(caller, new ErlangTuple(from[1], s_yes));
        }
    }

    private static async Task RexLoop(Process self)
    {
        while (true)
        {
            // {From, {call, M, F, A, GroupLeader}} -> From ! {rex, Result}: the classic rpc server
            // (ei_rpc, and rpc before OTP 23), each call in a process of its own that prints
            // through the caller's group leader, with rpc:call's results ({badrpc, ...}).
            var m = await self.Receive();
            if (m is not ErlangTuple { Length: 2 } t || t[0] is not Pid from || t[1] is not ErlangTuple { Length: 5 } call || !s_call.Equals(call[0])
                || call[1] is not Atom module || call[2] is not Atom function || call[3] is not ErlangList { IsProper: true } args)
                continue;
            var leader = call[4] as Pid;
            self.Spawn(async worker =>
            {
                if (leader is not null) worker.SetGroupLeader(leader);
                var tag = worker.MakeRef();
                var outcome = await Modules.ErpcModule.Outcome(worker, tag, module, function, args);
                worker.Send(from, new ErlangTuple(s_rex, Rpc.FromOutcome(tag, outcome)));
            });
        }
    }

    private static async Task MeshLoop(Process self)
    {
        self.MonitorNodes();
        while (true)
        {
            var m = await self.Receive();
            if (m is not ErlangTuple { Length: 2 } t || t[0] is not Atom { Name: "nodeup" } || t[1] is not Atom peer) continue;
            // Ask the new node whom it knows, in a process of its own so that a node that never
            // answers holds up nothing.
            self.Spawn(async asker =>
            {
                asker.Send("rex", peer.Name, new ErlangTuple(asker.Self,
                    new ErlangTuple(s_call, new Atom("erlang"), new Atom("nodes"), new ErlangList(new Atom("connected")), asker.Self)));
                var reply = await asker.Receive(r => r is ErlangTuple { Length: 2 } x && s_rex.Equals(x[0]), TimeSpan.FromSeconds(10));
                if (reply is ErlangTuple { Length: 2 } rx && rx[1] is ErlangList known)
                    foreach (var n in known)
                        if (n is Atom other && other.Name != asker.Node.Name) _ = asker.Node.ConnectAsync(other.Name);
            });
        }
    }
}
