using Otp.Terms;

namespace Otp.Behaviours;

/// <summary>
/// Starts state machines and talks to them: Erlang's <c>gen_statem:start/3,4</c>,
/// <c>start_link/3,4</c>, <c>cast/2</c>, <c>call/2,3</c>, <c>stop/1,3</c> and
/// <c>sys:get_state/1,2</c>, each by pid or by registered name.
/// </summary>
public static partial class StateMachine
{
    /// <summary>The body of a <c>sys:get_state</c> request.</summary>
    internal sealed record GetState
    {
        public override string ToString() => "get_state";
    }

    /// <summary>A timeout the machine set for itself, identified so a cancelled one is ignored.</summary>
    internal sealed record TimeoutMessage(long Token, StateMachineEventType Type, object Content)
    {
        public override string ToString() => $"{{{(Type == StateMachineEventType.StateTimeout ? "state_timeout" : "timeout")},{Term.Format(Content)}}}";
    }

    // ---- Starting ------------------------------------------------------------------------------

    /// <summary>
    /// Erlang's <c>gen_statem:start/3,4</c>: starts <paramref name="machine"/> in a new process and
    /// waits until its <see cref="StateMachine{TState, TData}.Init"/> has run there.
    /// </summary>
    /// <param name="self">The starting process.</param>
    /// <param name="machine">A machine instance.</param>
    /// <param name="name">Register the machine under this name (<c>{local, Name}</c>) before its
    /// init runs, so that two starts under one name cannot both succeed (optional).</param>
    /// <returns>The machine's pid, once it is in its first state.</returns>
    /// <exception cref="StartFailedException">Init failed (<see cref="StartFailedException.Reason"/>
    /// is the reason the machine ended with), or the name is taken
    /// (<c>{already_started, Pid}</c>).</exception>
    public static ValueTask<Pid> StartAsync<TState, TData>(Process self, StateMachine<TState, TData> machine, string? name = null) where TState : notnull =>
        StartCore(self, machine, name, link: false);

    /// <summary>Erlang's <c>gen_statem:start_link/3,4</c>: as
    /// <see cref="StartAsync{TState, TData}(Process, StateMachine{TState, TData}, string?)"/>, linked to the caller.</summary>
    public static ValueTask<Pid> StartLinkAsync<TState, TData>(Process self, StateMachine<TState, TData> machine, string? name = null) where TState : notnull =>
        StartCore(self, machine, name, link: true);

    private static async ValueTask<Pid> StartCore<TState, TData>(Process self, StateMachine<TState, TData> machine, string? name, bool link) where TState : notnull
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(machine);
        var tag = self.MakeAlias();
        var starter = self.Self;
        try
        {
            Func<Process, Task> body = me => new StateMachineLoop<TState, TData>(me, machine, starter, link ? starter : null, tag, name).RunAsync();
            var pid = link ? self.SpawnLink(body) : self.Spawn(body);
            var monitor = self.Monitor(pid);
            var answer = await self.ReceiveReply(tag,
                m => m is InitAck a && a.Tag.Equals(tag) || m is Down d && d.Ref.Equals(monitor),
                System.Threading.Timeout.InfiniteTimeSpan);
            self.Demonitor(monitor, flush: true);
            return answer switch
            {
                InitAck { Error: null } => pid,
                InitAck { Error: { } error } => throw new StartFailedException(error, $"{machine.GetType().Name} did not start: {error}"),
                Down d => throw new StartFailedException(d.Reason, $"{machine.GetType().Name} ended before its init finished: {d.Reason}"),
                _ => throw new InvalidOperationException("unreachable"),
            };
        }
        finally
        {
            self.Unalias(tag);
        }
    }

    // ---- Events --------------------------------------------------------------------------------

    /// <summary>Erlang's <c>gen_statem:cast/2</c>: sends a cast event and returns at once. Never
    /// fails: a dead machine drops it.</summary>
    public static void Cast(Process self, Pid machine, object content) => GenServer.Cast(self, machine, content);

    /// <summary>Casts to the machine registered as <paramref name="name"/>; does nothing if there is none.</summary>
    public static void Cast(Process self, string name, object content) => GenServer.Cast(self, name, content);

    /// <summary>Erlang's <c>gen_statem:call/2,3</c>: sends a call event and waits for the
    /// machine's <see cref="StateMachineAction.Reply"/>.</summary>
    /// <param name="self">The calling process.</param>
    /// <param name="machine">The machine's pid.</param>
    /// <param name="request">The event's content.</param>
    /// <param name="timeout">How long to wait: by default for ever, as in gen_statem (where
    /// gen_server waits 5 s).</param>
    /// <exception cref="ExitException">The machine does not exist, ended before replying, or did
    /// not reply in time, with gen_statem's reason <c>{Reason, {gen_statem, call, [Machine,
    /// Request, Timeout]}}</c> (Reason <c>noproc</c>, <c>timeout</c>, or the machine's own exit reason).</exception>
    public static async Task<object> CallAsync(Process self, Pid machine, object request, TimeSpan? timeout = null) =>
        await CallCore(self, machine, machine, request, timeout);

    /// <summary>Calls the machine registered as <paramref name="name"/>; as
    /// <see cref="CallAsync(Process, Pid, object, TimeSpan?)"/>. An unknown name fails with <c>noproc</c>.</summary>
    public static async Task<object> CallAsync(Process self, string name, object request, TimeSpan? timeout = null) =>
        await CallCore(self, self.Node.WhereIs(name), new Atom(name), request, timeout);

    private static ValueTask<object> CallCore(Process self, Pid? pid, object shownAs, object request, TimeSpan? timeout)
    {
        var wait = timeout ?? System.Threading.Timeout.InfiniteTimeSpan;
        return GenServer.CallCore(self, pid, request, wait, reason =>
            Failed(reason, "gen_statem", "call", [shownAs, request, GenServer.TimeoutTerm(wait)]));
    }

    // ---- Looking in, stopping --------------------------------------------------------------------

    /// <summary>The machine's current state and data (Erlang's <c>sys:get_state/1,2</c>). This is
    /// not an event: it cancels no timeout.</summary>
    /// <exception cref="ExitException">The machine does not exist or did not answer within
    /// <paramref name="timeout"/> (default 5 s, as sys's), with the reason
    /// <c>{Reason, {sys, get_state, [Machine]}}</c> (<c>[Machine, Timeout]</c> when a timeout is given).</exception>
    public static Task<(TState State, TData Data)> GetStateAsync<TState, TData>(Process self, Pid machine, TimeSpan? timeout = null) =>
        GetStateCore<TState, TData>(self, machine, machine, timeout);

    /// <summary>As <see cref="GetStateAsync{TState, TData}(Process, Pid, TimeSpan?)"/>, for the
    /// machine registered as <paramref name="name"/>.</summary>
    public static Task<(TState State, TData Data)> GetStateAsync<TState, TData>(Process self, string name, TimeSpan? timeout = null) =>
        GetStateCore<TState, TData>(self, self.Node.WhereIs(name), new Atom(name), timeout);

    private static async Task<(TState, TData)> GetStateCore<TState, TData>(Process self, Pid? pid, object shownAs, TimeSpan? timeout)
    {
        object[] args = timeout is { } t ? [shownAs, GenServer.TimeoutTerm(t)] : [shownAs];
        return ((TState, TData))await GenServer.CallCore(self, pid, new GetState(), timeout ?? GenServer.DefaultCallTimeout,
            reason => Failed(reason, "sys", "get_state", args));
    }

    /// <summary>
    /// Erlang's <c>gen_statem:stop/1,3</c>: asks the machine to end with <paramref name="reason"/>
    /// (default <c>normal</c>), which runs its <see cref="StateMachine{TState, TData}.Terminate"/>,
    /// and waits until it has ended. The caller is not linked to the outcome: a normal stop
    /// leaves it running.
    /// </summary>
    /// <exception cref="ExitException">With reason <c>noproc</c> if the machine does not exist,
    /// <c>timeout</c> if it has not ended in time (default: wait for ever), or the reason it ended
    /// with if that differs from <paramref name="reason"/> (its terminate crashed, for example).</exception>
    public static async Task StopAsync(Process self, Pid machine, ExitReason? reason = null, TimeSpan? timeout = null) =>
        await GenServer.StopAsync(self, machine, reason, timeout);

    /// <summary>Stops the machine registered as <paramref name="name"/>; as
    /// <see cref="StopAsync(Process, Pid, ExitReason?, TimeSpan?)"/>. An unknown name fails with <c>noproc</c>.</summary>
    public static async Task StopAsync(Process self, string name, ExitReason? reason = null, TimeSpan? timeout = null) =>
        await GenServer.StopAsync(self, self.Node.WhereIs(name) ?? throw new ExitException(ExitReason.NoProc), reason, timeout);

    private static ExitException Failed(ExitReason reason, string module, string function, object[] args) =>
        new(new ExitReason((reason.Term, (new Atom(module), new Atom(function), args))));
}
