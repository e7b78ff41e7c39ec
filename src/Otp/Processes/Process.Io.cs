using Otp.Io;

namespace Otp;

public sealed partial class Process
{
    private static readonly Atom s_ioRequest = new("io_request");
    private static readonly Atom s_ioReply = new("io_reply");
    private static readonly Atom s_putChars = new("put_chars");
    private static readonly Atom s_unicode = new("unicode");

    // Null: the node's own standard output, written directly. A process spawned by another node
    // gets the spawner's group leader, so its output prints on the spawner's node.
    private Pid? _groupLeader;

    /// <summary>
    /// Erlang's <c>group_leader()</c>: the process that handles this process's output. Null means
    /// the node's own standard output (<see cref="NodeOptions.StandardOutput"/>). A process
    /// inherits its spawner's group leader; a process spawned from another node gets the
    /// spawner's, so that, as in Erlang, what it prints appears on the spawner's node.
    /// </summary>
    public Pid? GroupLeader => Volatile.Read(ref _groupLeader);

    /// <summary>Erlang's <c>group_leader(Leader, self())</c>: from now on this process's output
    /// goes to <paramref name="leader"/> (any process that speaks the io protocol).</summary>
    public void SetGroupLeader(Pid leader)
    {
        ArgumentNullException.ThrowIfNull(leader);
        ThrowIfExited();
        // One reference, written only by the process itself (or before it starts): no lock.
        Volatile.Write(ref _groupLeader, leader);
    }

    internal void InitGroupLeader(Pid? leader) => _groupLeader = leader;

    /// <summary>
    /// Erlang's <c>io:put_chars/1</c>: prints <paramref name="text"/> through the group leader.
    /// With a group leader process (on this node or another) it sends
    /// <c>{io_request, Self, ReplyAs, {put_chars, unicode, Binary}}</c> and waits for the
    /// <c>{io_reply, ReplyAs, ok}</c>, as Erlang does, so lines from one process keep their order.
    /// </summary>
    /// <exception cref="ErlangErrorException"><c>terminated</c> if the group leader is gone (its
    /// node disconnected); the reason of an <c>{error, Reason}</c> reply.</exception>
    public async ValueTask PutCharsAsync(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ThrowIfExited();
        if (GroupLeader is not { } leader)
        {
            var output = IoServer.Out(Node);
            output.Write(text);
            output.Flush();
            return;
        }
        var reply = await IoRequestAsync(leader, new ErlangTuple(s_putChars, s_unicode, Binary.FromString(text))).ConfigureAwait(true);
        if (reply is ErlangTuple { Length: 2 } e && e[0] is Atom { Name: "error" })
            throw new ErlangErrorException(e[1] as Atom? ?? new Atom("error"), $"io:put_chars: the group leader answered {Terms.Term.Format(reply)}");
    }

    /// <summary>
    /// Erlang's <c>io:format/2</c>: formats with <see cref="IoLibFormat.Format"/> (<c>~p</c>,
    /// <c>~w</c>, <c>~s</c>, <c>~n</c>...) and prints the result as <see cref="PutCharsAsync"/> does.
    /// </summary>
    /// <exception cref="BadArgException">The format does not fit the arguments.</exception>
    public ValueTask FormatAsync(string format, params object?[] args) => PutCharsAsync(IoLibFormat.Format(format, args));

    private async ValueTask<object?> IoRequestAsync(Pid leader, object request)
    {
        var replyAs = MakeRef();
        var mref = Monitor(leader);
        Send(leader, new ErlangTuple(s_ioRequest, Self, replyAs, request));
        var m = await ReceiveReply(replyAs,
            x => x is ErlangTuple { Length: 3 } t && s_ioReply.Equals(t[0]) && replyAs.Equals(t[1]) || x is Down d && d.Ref.Equals(mref),
            System.Threading.Timeout.InfiniteTimeSpan).ConfigureAwait(true);
        if (m is Down down)
            throw new ErlangErrorException(new Atom("terminated"), $"io: the group leader {leader} is gone ({down.Reason})");
        Demonitor(mref, flush: true);
        return ((ErlangTuple)m!)[2];
    }
}
