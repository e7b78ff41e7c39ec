using System.Runtime.ExceptionServices;

namespace Otp.Behaviours;

/// <summary>
/// A generic server, Erlang's <c>gen_server</c> behaviour: subclass it, implement the callbacks
/// that matter, and start it with <see cref="GenServer.StartLinkAsync{TState}(Process, GenServer{TState}, string?)"/>.
/// The runtime runs the receive loop; the callbacks only say how the state changes.
/// </summary>
/// <typeparam name="TState">The server's state. Prefer an immutable record: each callback returns
/// the next state.</typeparam>
/// <remarks>
/// <para>The contract, as in Erlang/OTP:</para>
/// <list type="bullet">
/// <item><see cref="InitAsync"/> runs in the new process before the starter gets its pid back.
/// If it throws (or calls <see cref="Process.Exit(ExitReason)"/>), the start fails with that
/// reason and the process exits with it.</item>
/// <item>Messages are handled one at a time, in arrival order: calls by
/// <see cref="HandleCallAsync"/>, casts by <see cref="HandleCastAsync"/>, anything else by
/// <see cref="HandleInfoAsync"/>.</item>
/// <item><see cref="TerminateAsync"/> runs when a callback returns <c>Stop</c>, when a callback
/// throws, when the server is stopped with <see cref="GenServer.StopAsync(Process, Pid, ExitReason?, TimeSpan?)"/>,
/// and, only if the server traps exits, when its parent sends it an exit signal. It does not
/// run when the process is killed or, not trapping exits, taken down by a link.</item>
/// </list>
/// <para>An instance runs one server once: the constructor is the place for start arguments.</para>
/// </remarks>
public abstract class GenServer<TState>
{
    private Process? _self;
    private int _started;

    /// <summary>The server's own process (valid from <see cref="InitAsync"/> on).</summary>
    protected Process Self => _self ?? throw new InvalidOperationException("The server has not started yet.");

    /// <summary>The process that started the server with a link (its supervisor), or the server
    /// itself when it was started without a link.</summary>
    protected Pid Parent { get; private set; } = Pid.Outside;

    /// <summary>Erlang's <c>init/1</c>: returns the initial state.</summary>
    protected abstract ValueTask<TState> InitAsync();

    /// <summary>Erlang's <c>handle_call/3</c>. The default crashes the server, as an Erlang
    /// callback module without a matching clause would.</summary>
    protected virtual ValueTask<ServerResult<TState>> HandleCallAsync(object request, From from, TState state) =>
        throw new InvalidOperationException($"{GetType().Name} does not handle the call {Terms.Term.Format(request)}");

    /// <summary>Erlang's <c>handle_cast/2</c>. The default crashes the server.</summary>
    protected virtual ValueTask<ServerResult<TState>> HandleCastAsync(object request, TState state) =>
        throw new InvalidOperationException($"{GetType().Name} does not handle the cast {Terms.Term.Format(request)}");

    /// <summary>Erlang's <c>handle_info/2</c>: any other message (timer messages, <see cref="Down"/>,
    /// <see cref="ExitSignal"/> from processes other than the parent). The default ignores it.</summary>
    protected virtual ValueTask<ServerResult<TState>> HandleInfoAsync(object message, TState state) => NoReply(state);

    /// <summary>Erlang's <c>terminate/2</c>: clean up before the process exits with <paramref name="reason"/>.</summary>
    protected virtual ValueTask TerminateAsync(ExitReason reason, TState state) => ValueTask.CompletedTask;

    /// <summary><c>{reply, Value, State}</c>.</summary>
    protected static ServerResult<TState> Reply(object value, TState state) => new ServerResult<TState>.Reply(value, state);

    /// <summary><c>{noreply, State}</c>.</summary>
    protected static ServerResult<TState> NoReply(TState state) => new ServerResult<TState>.NoReply(state);

    /// <summary><c>{stop, Reason, State}</c>, or with <paramref name="reply"/> <c>{stop, Reason, Reply, State}</c>.</summary>
    protected static ServerResult<TState> Stop(ExitReason reason, TState state, object? reply = null) =>
        new ServerResult<TState>.Stop(reason, state, reply);

    /// <summary>Answers a call that <see cref="HandleCallAsync"/> left open (returned <c>NoReply</c>).</summary>
    protected void ReplyTo(From from, object value) => GenServer.Reply(Self, from, value);

    // ---- The loop ----------------------------------------------------------------------------------

    internal void Claim()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
            throw new InvalidOperationException($"This {GetType().Name} instance has already been started; create a new one for each server.");
    }

    internal async Task RunAsync(Process self, Pid parent, Pid starter, Ref ackTag, string? name)
    {
        _self = self;
        Parent = parent;
        if (name is not null)
        {
            var holder = self.Node.WhereIs(name);
            try
            {
                self.Register(name);
            }
            catch (BadArgException)
            {
                var reason = new ExitReason((new Atom("already_started"), (object?)holder ?? new Atom("undefined")));
                Ack(self, starter, ackTag, reason);
                // Erlang's start fails with {error, {already_started, Pid}} and the new process
                // ends quietly: no exit signal beyond 'normal' reaches the starter.
                return;
            }
        }

        TState state;
        try
        {
            state = await InitAsync();
        }
        catch (Exception ex) when (!self.HasExited)
        {
            var reason = ReasonOf(ex);
            if (name is not null && self.Node.WhereIs(name) == self.Self) self.Node.Unregister(name);
            Ack(self, starter, ackTag, reason);
            throw;
        }
        Ack(self, starter, ackTag, null);

        while (true)
        {
            // Calls and casts from other nodes arrive as Erlang tuples.
            var message = GenServer.FromWire(await self.Receive());
            ServerResult<TState> result;
            From? caller = null;
            try
            {
                switch (message)
                {
                    case GenCall call:
                        caller = call.From;
                        result = await HandleCallAsync(call.Request, call.From, state);
                        break;
                    case GenCast cast:
                        result = Check(await HandleCastAsync(cast.Request, state));
                        break;
                    case GenStop stop:
                        result = Stop(stop.Reason, state);
                        break;
                    case ExitSignal exit when exit.From == Parent && Parent != self.Self:
                        // Only reachable when trapping exits: the parent (a supervisor) orders a
                        // shutdown, and the server gets to clean up first.
                        result = Stop(exit.Reason, state);
                        break;
                    default:
                        result = Check(await HandleInfoAsync(message, state));
                        break;
                }
            }
            catch (Exception ex) when (!self.HasExited)
            {
                await TerminateAfterCrash(ReasonOf(ex), state);
                ExceptionDispatchInfo.Throw(ex);
                throw; // unreachable
            }

            switch (result)
            {
                case ServerResult<TState>.Reply r:
                    if (caller is not null) GenServer.Reply(self, caller, r.Value);
                    state = r.State;
                    break;
                case ServerResult<TState>.NoReply n:
                    state = n.State;
                    break;
                case ServerResult<TState>.Stop s:
                    await TerminateAfterCrash(s.Reason, s.State);
                    if (caller is not null && s.ReplyValue is not null) GenServer.Reply(self, caller, s.ReplyValue);
                    self.Exit(s.Reason);
                    break;
            }
        }
    }

    private ServerResult<TState> Check(ServerResult<TState> result) =>
        result is ServerResult<TState>.Reply r
            ? throw new ExitException(new ExitReason((new Atom("bad_return_value"), (new Atom("reply"), r.Value))))
            : result;

    private async ValueTask TerminateAfterCrash(ExitReason reason, TState state)
    {
        try
        {
            await TerminateAsync(reason, state);
        }
        catch (Exception ex) when (!Self.HasExited)
        {
            // A crash in terminate replaces the reason, as in Erlang.
            ExceptionDispatchInfo.Throw(ex);
        }
    }

    private static ExitReason ReasonOf(Exception ex) => ex is ExitException e ? e.Reason : ExitReason.Error(ex);

    private static void Ack(Process self, Pid starter, Ref tag, ExitReason? error)
    {
        if (starter.Process is { } p)
        {
            var ack = new InitAck(tag, self.Self, error);
            self.Node.Tracer?.Sent(self.Self, starter, ack);
            p.DeliverToAlias(tag, ack);
        }
    }
}
