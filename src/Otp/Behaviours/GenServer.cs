namespace Otp.Behaviours;

/// <summary>
/// The client side of a <see cref="GenServer{TState}"/>: start a server, call it, cast to it,
/// answer a call from elsewhere, stop it. Each method mirrors the <c>gen_server</c> function of
/// the same name, including how it fails.
/// </summary>
public static partial class GenServer
{
    /// <summary>The default call timeout, 5 seconds, as in Erlang.</summary>
    public static TimeSpan DefaultCallTimeout { get; } = TimeSpan.FromSeconds(5);

    // ---- Starting ------------------------------------------------------------------------------

    /// <summary>
    /// Erlang's <c>gen_server:start_link/3,4</c>: spawns the server linked to
    /// <paramref name="self"/>, runs its <c>InitAsync</c>, and returns its pid once init is done.
    /// </summary>
    /// <param name="self">The starting process; it becomes the server's parent.</param>
    /// <param name="server">A fresh callback instance.</param>
    /// <param name="name">Register the server under this name before init runs (optional).</param>
    /// <exception cref="StartFailedException">Init failed (the reason it failed with), or the name is
    /// taken (<c>{already_started, Pid}</c>). As in Erlang/OTP 25, a failed init also sends the
    /// starter an exit signal through the link, which ends it unless it traps exits.</exception>
    public static ValueTask<Pid> StartLinkAsync<TState>(Process self, GenServer<TState> server, string? name = null) =>
        StartCore(self, server, name, link: true);

    /// <summary>Erlang's <c>gen_server:start/3,4</c>: as <see cref="StartLinkAsync{TState}"/> without a
    /// link; the server is its own parent.</summary>
    public static ValueTask<Pid> StartAsync<TState>(Process self, GenServer<TState> server, string? name = null) =>
        StartCore(self, server, name, link: false);

    private static async ValueTask<Pid> StartCore<TState>(Process self, GenServer<TState> server, string? name, bool link)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Claim();
        var tag = self.MakeAlias();
        var starter = self.Self;
        try
        {
            Pid pid = default!;
            pid = link
                ? self.SpawnLink(me => server.RunAsync(me, parent: starter, starter, tag, name))
                : self.Spawn(me => server.RunAsync(me, parent: me.Self, starter, tag, name));
            var mref = self.Monitor(pid);
            var answer = await self.ReceiveReply(tag,
                m => m is InitAck a && a.Tag.Equals(tag) || m is Down d && d.Ref.Equals(mref),
                System.Threading.Timeout.InfiniteTimeSpan);
            self.Demonitor(mref, flush: true);
            switch (answer)
            {
                case InitAck { Error: null }:
                    return pid;
                case InitAck { Error: { } error }:
                    throw new StartFailedException(error, $"{server.GetType().Name} did not start: {error}");
                case Down d:
                    throw new StartFailedException(d.Reason, $"{server.GetType().Name} ended before its init finished: {d.Reason}");
                default:
                    throw new InvalidOperationException("unreachable");
            }
        }
        finally
        {
            self.Unalias(tag);
        }
    }

    // ---- Calling -------------------------------------------------------------------------------

    /// <summary>
    /// Erlang's <c>gen_server:call/3</c>: sends <paramref name="request"/> to
    /// <paramref name="server"/> and waits for its reply.
    /// </summary>
    /// <remarks>
    /// <para>The caller monitors the server for the duration of the call, so a server that is
    /// dead, dies during the call or does not exist ends the wait at once. The reply is received
    /// with <see cref="Process.ReceiveReply"/>, so the call costs the same however many unrelated
    /// messages wait in the caller's mailbox.</para>
    /// <para>Failure ends the caller the Erlang way, by throwing an <see cref="ExitException"/>
    /// (catchable, as <c>catch gen_server:call(...)</c> is) whose reason is
    /// <c>{Reason, {gen_server, call, [Server, Request, Timeout]}}</c> (without the timeout when
    /// it is the default), with Reason <c>noproc</c>, <c>timeout</c>, <c>calling_self</c> (a
    /// server calling itself), or the server's own exit reason. After a timeout the reply, if it comes at all, is dropped: it never reaches the
    /// caller's mailbox.</para>
    /// </remarks>
    /// <param name="self">The calling process.</param>
    /// <param name="server">The server's pid.</param>
    /// <param name="request">Any message; passed to <c>HandleCallAsync</c>.</param>
    /// <param name="timeout">How long to wait; default 5 s; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever.</param>
    public static ValueTask<object> CallAsync(Process self, Pid server, object request, TimeSpan? timeout = null) =>
        CallCore(self, server, server, request, timeout);

    /// <summary>Calls the server registered as <paramref name="name"/>; as <see cref="CallAsync(Process, Pid, object, TimeSpan?)"/>.
    /// A name that is not registered fails with <c>noproc</c>.</summary>
    public static ValueTask<object> CallAsync(Process self, string name, object request, TimeSpan? timeout = null) =>
        CallCore(self, self.Node.WhereIs(name), new Atom(name), request, timeout);

    /// <summary>A call whose reply is expected to be a <typeparamref name="TReply"/>.</summary>
    /// <exception cref="InvalidCastException">The reply is of another type.</exception>
    public static async ValueTask<TReply> CallAsync<TReply>(Process self, Pid server, object request, TimeSpan? timeout = null) =>
        (TReply)await CallCore(self, server, server, request, timeout);

    /// <summary>A call by name whose reply is expected to be a <typeparamref name="TReply"/>.</summary>
    public static async ValueTask<TReply> CallAsync<TReply>(Process self, string name, object request, TimeSpan? timeout = null) =>
        (TReply)await CallCore(self, self.Node.WhereIs(name), new Atom(name), request, timeout);

    private static ValueTask<object> CallCore(Process self, Pid? pid, object shownAs, object request, TimeSpan? timeout) =>
        CallCore(self, pid, request, timeout ?? DefaultCallTimeout, reason => CallFailed(reason, shownAs, request, timeout));

    /// <summary>The gen_server call protocol, shared with the state machine (gen_statem and
    /// sys speak it too); <paramref name="failed"/> gives a failure its caller's Erlang shape.</summary>
    internal static async ValueTask<object> CallCore(Process self, Pid? pid, object request, TimeSpan wait, Func<ExitReason, ExitException> failed)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (pid is null) throw failed(ExitReason.NoProc);
        pid = self.Node.Address(pid);
        // A server calling itself would wait for its own answer for ever; Erlang refuses at once.
        if (pid == self.Self) throw failed(ExitReason.Of("calling_self"));
        if (!pid.IsLocal) return await RemoteCall(self, pid, request, wait, failed);

        // The tag doubles as an alias: deactivated when we stop waiting, so a late reply is dropped.
        var tag = self.MakeAlias();
        var mref = self.Monitor(pid);
        try
        {
            self.Send(pid, new GenCall(new From(self.Self, tag), request));
            var answer = await self.ReceiveReply(tag,
                m => m is GenReply r && r.Tag.Equals(tag) || m is Down d && d.Ref.Equals(mref), wait);
            return answer switch
            {
                GenReply r => r.Value,
                Down d => throw failed(d.Reason),
                _ => throw failed(ExitReason.Timeout),
            };
        }
        finally
        {
            self.Unalias(tag);
            if (!self.HasExited) self.Demonitor(mref, flush: true);
        }
    }

    private static ExitException CallFailed(ExitReason reason, object server, object request, TimeSpan? timeout)
    {
        object[] args = timeout is { } t ? [server, request, TimeoutTerm(t)] : [server, request];
        return new ExitException(new ExitReason((reason.Term, (new Atom("gen_server"), new Atom("call"), args))));
    }

    internal static object TimeoutTerm(TimeSpan t) =>
        t == System.Threading.Timeout.InfiniteTimeSpan ? new Atom("infinity") : (long)t.TotalMilliseconds;

    // ---- Casting and replying --------------------------------------------------------------------

    /// <summary>Erlang's <c>gen_server:cast/2</c>: sends <paramref name="request"/> and returns at
    /// once. Never fails, even if the server does not exist.</summary>
    public static void Cast(Process self, Pid server, object request)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(request);
        server = self.Node.Address(server);
        self.Send(server, server.IsLocal ? new GenCast(request) : new ErlangTuple(s_genCast, request));
    }

    /// <summary>Casts to the server registered as <paramref name="name"/>; does nothing if there is none.</summary>
    public static void Cast(Process self, string name, object request)
    {
        if (self.Node.WhereIs(name) is { } pid) Cast(self, pid, request);
    }

    /// <summary>
    /// Erlang's <c>gen_server:reply/2</c>: answers the call identified by <paramref name="from"/>.
    /// Any process may answer (the server may hand the work to a helper). If the caller has
    /// stopped waiting (timeout, crash) the reply is dropped.
    /// </summary>
    public static void Reply(Process self, From from, object reply)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(reply);
        if (!from.Caller.IsLocal)
        {
            // A caller on another node gets Erlang's {Tag, Reply}, its tag echoed exactly. An
            // OTP 24+ caller's tag [alias|Ref] names an alias, and gen:reply sends to it: once
            // the caller has given up (timeout), its node drops the reply instead of queueing it.
            var wire = new ErlangTuple(from.WireTag ?? from.Tag, reply);
            if (from.WireTag is ErlangList { Count: 1, Tail: Ref { IsLocal: false } alias } && self.Node.Distribution is not null) self.Send(alias, wire);
            else self.Send(from.Caller, wire);
            return;
        }
        var message = new GenReply(from.Tag, reply);
        self.Node.Tracer?.Sent(self.Self, from.Caller, message);
        from.Caller.Process?.DeliverToAlias(from.Tag, message);
    }

    // ---- Stopping --------------------------------------------------------------------------------

    /// <summary>
    /// Erlang's <c>gen_server:stop/3</c>: asks the server to stop with <paramref name="reason"/>
    /// (default <c>normal</c>), which runs its <c>TerminateAsync</c>, and waits until it has exited.
    /// </summary>
    /// <exception cref="ExitException">With reason <c>noproc</c> if the server does not exist,
    /// <c>timeout</c> if it has not stopped in time (default: wait for ever), or the reason it
    /// ended with if that differs from <paramref name="reason"/>.</exception>
    public static async ValueTask StopAsync(Process self, Pid server, ExitReason? reason = null, TimeSpan? timeout = null)
    {
        reason ??= ExitReason.Normal;
        var mref = self.Monitor(server);
        self.Send(server, new GenStop(reason));
        var down = (Down?)await self.ReceiveReply(mref, m => m is Down d && d.Ref.Equals(mref), timeout ?? System.Threading.Timeout.InfiniteTimeSpan);
        if (down is null)
        {
            self.Demonitor(mref, flush: true);
            throw new ExitException(ExitReason.Timeout);
        }
        if (!down.Reason.Equals(reason)) throw new ExitException(down.Reason);
    }

}
