using Otp.Behaviours;
using Stateless.Reflection;

namespace Lab05.DogStateMachine;

/// <summary>
/// Task 4: the dog's transitions as a Stateless state machine (a transition table). It knows
/// nothing of time or processes: <see cref="StatelessDogServer"/> hosts it in a process and
/// fires <see cref="DogTrigger.BarkTime"/> and <see cref="DogTrigger.Bored"/> when their time comes.
/// </summary>
public sealed class StatelessDog
{
    // Spelled out: Otp.Behaviours has a StateMachine too.
    private readonly Stateless.StateMachine<DogState, DogTrigger> _machine = new(DogState.Barking);

    /// <summary>Configures the table: what each trigger does in each state, and what the dog says
    /// on entering a state. A trigger a state does not permit confuses the dog.</summary>
    /// <param name="say">Where the dog narrates, as for <see cref="Dog"/>.</param>
    public StatelessDog(Action<string> say) =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>The current state.</summary>
    public DogState State => _machine.State;

    /// <summary>How many times the dog has barked.</summary>
    public int Barks { get; private set; }

    /// <summary>The dog's first bark: Stateless runs no entry action for the initial state.</summary>
    public void Start() =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>Fires <paramref name="trigger"/>.</summary>
    /// <returns>True if the dog made a transition, even back into the same state (a bark every
    /// 2 s); false if the trigger only confused it.</returns>
    public bool Fire(DogTrigger trigger) =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>Stateless's own description of the table (for <see cref="Transitions"/> and its DOT graph).</summary>
    public StateMachineInfo GetInfo() => _machine.GetInfo();

    /// <summary>Every transition of the table, read back from Stateless (given).</summary>
    public IReadOnlyList<StateMachineTransition<DogState>> Transitions =>
    [
        .. from state in GetInfo().States
           from t in state.FixedTransitions
           select new StateMachineTransition<DogState>((DogState)state.UnderlyingState, t.Trigger.UnderlyingTrigger.ToString()!, (DogState)t.DestinationState.UnderlyingState),
    ];

    /// <summary>The table drawn by the runtime, as the gen_statem dog's diagram is (given).</summary>
    public StateDiagram Diagram(string? title = null) =>
        StateDiagram.Render(Transitions.Select(t => (t.From.ToString(), t.Event, t.To.ToString())), DogState.Barking.ToString(), title);
}
