namespace Otp.Behaviours;

// The gen_server protocol with processes of other nodes. On the wire it is Erlang's own:
// {'$gen_call', {Pid, Tag}, Request} answered by {Tag, Reply}, and {'$gen_cast', Request}, so a C#
// server answers gen_server:call and Elixir's GenServer.call, and a C# caller reaches an Erlang
// gen_server. The tag of an incoming call is echoed exactly: OTP 24+ sends [alias|Ref].
public static partial class GenServer
{
    private static readonly Atom s_genCall = new("$gen_call");
    private static readonly Atom s_genCast = new("$gen_cast");

    /// <summary>
    /// Erlang's <c>gen_server:call({Name, Node}, Request, Timeout)</c>: calls the server
    /// registered as <paramref name="name"/> on <paramref name="node"/> (this node or another;
    /// an Erlang <c>gen_server</c>, an Elixir <c>GenServer</c> or a C# one).
    /// </summary>
    /// <remarks>Fails as <see cref="CallAsync(Process, Pid, object, TimeSpan?)"/> does, the
    /// server shown as <c>{Name, Node}</c>: <c>noproc</c> when nothing has that name there,
    /// <c>{nodedown, Node}</c> when the node cannot be reached or the connection is lost,
    /// <c>timeout</c>. This node does not offer Erlang's ALIAS, so a reply that comes after a
    /// timeout lands in the caller's mailbox as a <c>{Tag, Reply}</c> tuple, as before OTP 24.</remarks>
    public static ValueTask<object> CallAsync(Process self, string name, string node, object request, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(node);
        if (node == self.Node.Name) return CallAsync(self, name, request, timeout);
        var shownAs = new ErlangTuple(new Atom(name), new Atom(node));
        return RemoteCall(self, node, () => self.Monitor(name, node), tag => self.Send(name, node, WireCall(self, tag, request)), request, timeout ?? DefaultCallTimeout,
            reason => CallFailed(reason, shownAs, request, timeout));
    }

    /// <summary>Erlang's <c>gen_server:cast({Name, Node}, Request)</c>: never fails, even if
    /// there is no such server or node.</summary>
    public static void Cast(Process self, string name, string node, object request)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(request);
        if (node == self.Node.Name) Cast(self, name, request);
        else self.Send(name, node, new ErlangTuple(s_genCast, request));
    }

    /// <summary><see cref="CallAsync(Process, string, string, object, TimeSpan?)"/> from outside any process.</summary>
    public static Task<object> CallAsync(Node node, string name, string serverNode, object request, TimeSpan? timeout = null) =>
        Outside.Run(node, self => CallAsync(self, name, serverNode, request, timeout));

    /// <summary><see cref="Cast(Process, string, string, object)"/> from outside any process.</summary>
    public static void Cast(Node node, string name, string serverNode, object request)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(request);
        if (serverNode == node.Name) { if (node.WhereIs(name) is { } pid) Cast(node, pid, request); }
        else node.Send(name, serverNode, new ErlangTuple(s_genCast, request));
    }

    /// <summary>A call to a server of another node, by pid (from <see cref="CallCore(Process, Pid?, object, TimeSpan, Func{ExitReason, ExitException})"/>).</summary>
    private static ValueTask<object> RemoteCall(Process self, Pid server, object request, TimeSpan wait, Func<ExitReason, ExitException> failed) =>
        RemoteCall(self, server.RemoteNode!.Value.Name, () => self.Monitor(server), tag => self.Send(server, WireCall(self, tag, request)), request, wait, failed);

    private static async ValueTask<object> RemoteCall(Process self, string node, Func<Ref> monitor, Action<Ref> send, object request, TimeSpan wait, Func<ExitReason, ExitException> failed)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mref = monitor();
        // The monitor's reference doubles as the tag, as gen:call does.
        try
        {
            send(mref);
            var answer = await self.ReceiveReply(mref,
                m => m is ErlangTuple { Length: 2 } t && mref.Equals(t[0]) || m is Down d && d.Ref.Equals(mref), wait);
            return answer switch
            {
                ErlangTuple t => t[1]!,
                Down { Reason.Term: Atom { Name: "noconnection" } } => throw failed(new ExitReason(new ErlangTuple(new Atom("nodedown"), new Atom(node)))),
                Down d => throw failed(d.Reason),
                _ => throw failed(ExitReason.Timeout),
            };
        }
        finally
        {
            if (!self.HasExited) self.Demonitor(mref, flush: true);
        }
    }

    private static ErlangTuple WireCall(Process self, Ref tag, object request) => new(s_genCall, new ErlangTuple(self.Self, tag), request);

    /// <summary>An incoming <c>{'$gen_call', {Pid, Tag}, Request}</c> or <c>{'$gen_cast', Request}</c>
    /// from another node as the records a server's loop handles; anything else as it is.</summary>
    internal static object FromWire(object message) => message switch
    {
        ErlangTuple { Length: 3 } t when s_genCall.Equals(t[0]) && t[1] is ErlangTuple { Length: 2 } f && f[0] is Pid caller && TagRef(f[1]) is { } tag =>
            new GenCall(new From(caller, tag) { WireTag = f[1] }, t[2]!),
        ErlangTuple { Length: 2 } t when s_genCast.Equals(t[0]) => new GenCast(t[1]!),
        _ => message,
    };

    // OTP 24+ tags are [alias|Ref]; older ones a plain Ref.
    private static Ref? TagRef(object? tag) => tag switch
    {
        Ref r => r,
        ErlangList { Count: 1, Tail: Ref r } => r,
        _ => null,
    };
}
