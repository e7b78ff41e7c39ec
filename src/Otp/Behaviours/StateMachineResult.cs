namespace Otp.Behaviours;

/// <summary>What a state machine does after an event: move to a state (maybe the same one) with
/// new data and actions, or stop. Made by <see cref="StateMachine{TState, TData}.Next"/>,
/// <see cref="StateMachine{TState, TData}.Keep"/> and <see cref="StateMachine{TState, TData}.Stop"/>.</summary>
public sealed record StateMachineResult<TState, TData>
{
    internal StateMachineResult() { }

    /// <summary>The next state; null when the result is to keep the current one or to stop.</summary>
    public TState? State { get; internal init; }

    /// <summary>True if <see cref="State"/> is meaningful (gen_statem's <c>next_state</c>).</summary>
    public bool HasState { get; internal init; }

    /// <summary>The next data.</summary>
    public TData Data { get; internal init; } = default!;

    /// <summary>The actions to perform, in order.</summary>
    public IReadOnlyList<StateMachineAction> Actions { get; internal init; } = [];

    /// <summary>Set when the machine stops.</summary>
    public ExitReason? StopReason { get; internal init; }

    /// <summary>The state the machine is in after this result, given the state it was in.</summary>
    public TState StateAfter(TState current) => HasState ? State! : current;

    /// <summary>The same result with <paramref name="more"/> actions after its own: handy when
    /// one machine builds on another's decisions.</summary>
    public StateMachineResult<TState, TData> And(params StateMachineAction[] more) => this with { Actions = [.. Actions, .. more] };
}
