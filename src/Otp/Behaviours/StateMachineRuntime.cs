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

    /// <summary>Starts <paramref name="machine"/> in a new process on <paramref name="node"/>.</summary>
    /// <returns>The machine's pid. <see cref="StateMachine{TState, TData}.Init"/> runs in the new process.</returns>
    public static Pid Start<TState, TData>(Node node, StateMachine<TState, TData> machine) where TState : notnull
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(machine);
        return node.Spawn(self => new StateMachineLoop<TState, TData>(self, machine).RunAsync());
    }

    /// <summary>Starts <paramref name="machine"/> in a new process linked to <paramref name="parent"/>
    /// (Erlang's <c>gen_statem:start_link/3</c>).</summary>
    public static Pid StartLink<TState, TData>(Process parent, StateMachine<TState, TData> machine) where TState : notnull
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(machine);
        return parent.SpawnLink(self => new StateMachineLoop<TState, TData>(self, machine).RunAsync());
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
