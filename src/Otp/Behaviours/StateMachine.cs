namespace Otp.Behaviours;

/// <summary>
/// A state machine in the design of Erlang's <c>gen_statem</c> (its <c>handle_event_function</c>
/// mode): the state name is kept apart from the data; every event, whether cast, call, plain
/// message or timeout, goes to <see cref="HandleEvent"/> with the current state and data.
/// Subclass it, then run it with <see cref="StateMachine.StartAsync{TState, TData}(Process, StateMachine{TState, TData}, string?)"/>.
/// </summary>
/// <typeparam name="TState">The state's name: usually an enum or a string. Compared with
/// <see cref="object.Equals(object)"/> to decide whether a transition changes state.</typeparam>
/// <typeparam name="TData">The data the machine carries from state to state.</typeparam>
/// <remarks>
/// <para>Timeouts follow gen_statem: a state timeout is cancelled when the state changes (and
/// replaced when a new one is set); an event timeout is cancelled by any event. A postponed
/// event is handled again after the next change of state, before newer events.</para>
/// <para>The handler runs inside the machine's process: it must not block. An exception that
/// escapes it ends the machine with that error, as a crash in gen_statem does.</para>
/// </remarks>
public abstract class StateMachine<TState, TData> where TState : notnull
{
    private Process? _self;

    /// <summary>The machine's own process, valid from <see cref="Init"/> on: for example to trap
    /// exits in <see cref="Init"/> (<c>Self.TrapExit = true</c>), so that the parent's exit runs
    /// <see cref="Terminate"/>.</summary>
    /// <exception cref="InvalidOperationException">The machine has not started yet.</exception>
    protected Process Self => _self ?? throw new InvalidOperationException("The state machine has not started yet.");

    /// <summary>Binds the machine to the process that runs it, before <see cref="Init"/>. An
    /// instance started again (after its first run ended) is bound to the new process.</summary>
    internal void Bind(Process self) => _self = self;

    /// <summary>The first state and data, and actions such as a first timeout (gen_statem's <c>init/1</c>).</summary>
    public abstract StateMachineResult<TState, TData> Init();

    /// <summary>Handles one event in <paramref name="state"/> (gen_statem's <c>handle_event/4</c>).</summary>
    public abstract StateMachineResult<TState, TData> HandleEvent(StateMachineEvent ev, TState state, TData data);

    /// <summary>
    /// gen_statem's <c>terminate/3</c>: cleans up before the machine ends with
    /// <paramref name="reason"/>, in the <paramref name="state"/> and with the
    /// <paramref name="data"/> it has then. Does nothing unless overridden.
    /// </summary>
    /// <remarks>Called when <see cref="HandleEvent"/> returns <see cref="Stop"/> (after the
    /// stop's replies are sent), when <see cref="HandleEvent"/> throws, and when the machine is
    /// stopped with <see cref="StateMachine.StopAsync(Process, Pid, ExitReason?, TimeSpan?)"/>. Not called when
    /// <see cref="Init"/> fails, nor when the process is killed or taken down by a link. An
    /// exception thrown here becomes the reason the machine ends with.</remarks>
    public virtual void Terminate(ExitReason reason, TState state, TData data) { }

    /// <summary>The transitions this machine declares, for <see cref="Diagram"/>. Empty unless overridden.</summary>
    public virtual IReadOnlyList<StateMachineTransition<TState>> Transitions => [];

    /// <summary>The declared <see cref="Transitions"/> as an SVG state diagram, starting from
    /// <paramref name="initial"/>.</summary>
    public StateDiagram Diagram(TState initial, string? title = null) =>
        StateDiagram.Render(Transitions.Select(t => (Name(t.From), t.Event, Name(t.To))), Name(initial), title);

    /// <summary>Moves to <paramref name="state"/> with <paramref name="data"/> (gen_statem's <c>next_state</c>).</summary>
    protected static StateMachineResult<TState, TData> Next(TState state, TData data, params StateMachineAction[] actions) =>
        new() { State = state, HasState = true, Data = data, Actions = actions };

    /// <summary>Stays in the current state with <paramref name="data"/> (gen_statem's <c>keep_state</c>).</summary>
    protected static StateMachineResult<TState, TData> Keep(TData data, params StateMachineAction[] actions) =>
        new() { Data = data, Actions = actions };

    /// <summary>Ends the machine with <paramref name="reason"/> (gen_statem's <c>stop</c>), after
    /// performing <paramref name="actions"/> (for example a last reply).</summary>
    protected static StateMachineResult<TState, TData> Stop(ExitReason reason, TData data, params StateMachineAction[] actions) =>
        new() { StopReason = reason, Data = data, Actions = actions };

    private static string Name(TState s) => s.ToString() ?? "";
}
