using Otp.Terms;

namespace Otp.Behaviours;

/// <summary>
/// Starts state machines and talks to them: Erlang's <c>gen_statem:start/3</c>, <c>cast/2</c>,
/// <c>call/2</c> and <c>sys:get_state/1</c>.
/// </summary>
public static class StateMachine
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

    /// <summary>
    /// Erlang's <c>gen_statem:start/3</c>: starts <paramref name="machine"/> in a new process and
    /// waits until its <see cref="StateMachine{TState, TData}.Init"/> has run there.
    /// </summary>
    /// <returns>The machine's pid, once it is in its first state.</returns>
    /// <exception cref="StartFailedException">Init failed; <see cref="StartFailedException.Reason"/>
    /// is the reason the machine ended with.</exception>
    public static ValueTask<Pid> StartAsync<TState, TData>(Process self, StateMachine<TState, TData> machine) where TState : notnull =>
        StartCore(self, machine, link: false);

    /// <summary>Erlang's <c>gen_statem:start_link/3</c>: as <see cref="StartAsync{TState, TData}(Process, StateMachine{TState, TData})"/>,
    /// linked to the caller.</summary>
    public static ValueTask<Pid> StartLinkAsync<TState, TData>(Process self, StateMachine<TState, TData> machine) where TState : notnull =>
        StartCore(self, machine, link: true);

    /// <summary>Starts a machine from outside any process (a test, a notebook cell).</summary>
    public static Task<Pid> StartAsync<TState, TData>(Node node, StateMachine<TState, TData> machine) where TState : notnull =>
        node.RunAsync(async self => await StartCore(self, machine, link: false));

    private static async ValueTask<Pid> StartCore<TState, TData>(Process self, StateMachine<TState, TData> machine, bool link) where TState : notnull
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(machine);
        var tag = self.MakeAlias();
        var starter = self.Self;
        try
        {
            Func<Process, Task> body = me => new StateMachineLoop<TState, TData>(me, machine, starter, tag).RunAsync();
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

    /// <summary>Sends a cast event from outside any process. Returns at once; a dead machine drops it.</summary>
    public static void Cast(Node node, Pid machine, object content) => GenServer.Cast(node, machine, content);

    /// <summary>Sends a cast event from inside a process.</summary>
    public static void Cast(Process self, Pid machine, object content) => GenServer.Cast(self, machine, content);

    /// <summary>Sends a call event and waits for the machine's <see cref="StateMachineAction.Reply"/>.</summary>
    /// <exception cref="ExitException">The machine ended before replying, or did not reply within
    /// <paramref name="timeout"/> (default 5 s): the same exits as <see cref="GenServer.CallAsync(Process, Pid, object, TimeSpan?)"/>,
    /// since a state machine speaks the gen_server call protocol, as gen_statem does.</exception>
    public static async Task<object> CallAsync(Process self, Pid machine, object request, TimeSpan? timeout = null) =>
        await GenServer.CallAsync(self, machine, request, timeout);

    /// <summary>The machine's current state and data, asked from inside a process (Erlang's
    /// <c>sys:get_state/1</c>). This is not an event: it cancels no timeout.</summary>
    public static async Task<(TState State, TData Data)> GetStateAsync<TState, TData>(Process self, Pid machine, TimeSpan? timeout = null) =>
        ((TState, TData))await GenServer.CallAsync(self, machine, new GetState(), timeout);

    /// <summary>As <see cref="GetStateAsync{TState, TData}(Process, Pid, TimeSpan?)"/>, from outside any process.</summary>
    public static Task<(TState State, TData Data)> GetStateAsync<TState, TData>(Node node, Pid machine) =>
        node.RunAsync(self => GetStateAsync<TState, TData>(self, machine));
}
