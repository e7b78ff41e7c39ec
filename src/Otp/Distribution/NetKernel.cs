namespace Otp.Distribution;

/// <summary>
/// The processes a distributed node runs for its peers: <c>net_kernel</c>, which answers the
/// <c>is_auth</c> call behind <c>net_adm:ping</c> and Elixir's <c>Node.ping</c>; <c>rex</c>,
/// which answers the one remote call nodes need from each other here (<c>erlang:nodes/1</c>,
/// for meshing); and, with <see cref="NodeOptions.ConnectAll"/>, the mesher, which asks every
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
            // {From, {call, M, F, A, GroupLeader}} -> From ! {rex, Result}
            var m = await self.Receive();
            if (m is not ErlangTuple { Length: 2 } t || t[0] is not Pid from || t[1] is not ErlangTuple { Length: 5 } call || !s_call.Equals(call[0])) continue;
            object result = call[1] is Atom { Name: "erlang" } && call[2] is Atom { Name: "nodes" } && call[3] is ErlangList args
                ? Nodes(self.Node, args)
                : new ErlangTuple(new Atom("badrpc"), new ErlangTuple(new Atom("EXIT"), new ErlangTuple(new Atom("undef"), ErlangList.Nil)));
            self.Send(from, new ErlangTuple(s_rex, result));
        }
    }

    private static ErlangList Nodes(Node node, ErlangList args)
    {
        var which = args.Count == 1 && args[0] is Atom a
            ? a.Name switch { "hidden" => NodeVisibility.Hidden, "connected" => NodeVisibility.Connected, _ => NodeVisibility.Visible }
            : NodeVisibility.Visible;
        return new ErlangList([.. node.Nodes(which).Select(n => (object?)new Atom(n))]);
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
