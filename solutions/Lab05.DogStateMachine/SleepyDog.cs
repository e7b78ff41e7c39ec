using Otp.Behaviours;

namespace Lab05.DogStateMachine;

/// <summary>
/// Task 3: a dog that falls asleep. It behaves exactly as <see cref="Dog"/>, except that a
/// sitting dog that gets no event for <see cref="SleepsAfter"/> says <c>"falls asleep. Zzz"</c>
/// and goes to <see cref="DogState.Sleeping"/>. Any event while sitting starts the 60 seconds
/// again. A sleeping dog barks at a squirrel (as a sitting dog does), goes home on stop, and
/// says <c>"snores"</c> to anything else, staying asleep.
/// </summary>
/// <param name="say">Where the dog narrates.</param>
public sealed class SleepyDog(Action<string> say) : StateMachine<DogState, int>
{
    /// <summary>How long a sitting dog stays awake without any event.</summary>
    public static readonly TimeSpan SleepsAfter = TimeSpan.FromSeconds(60);

    // The awake dog's rules are the base dog's: reuse them rather than copy them.
    private readonly Dog _awake = new(say);

    /// <inheritdoc/>
    public override StateMachineResult<DogState, int> Init() => _awake.Init();

    /// <inheritdoc/>
    public override StateMachineResult<DogState, int> HandleEvent(StateMachineEvent ev, DogState state, int barks)
    {
        switch (ev.Type, ev.Content, state)
        {
            case (StateMachineEventType.EventTimeout, "sleepy", DogState.Sitting):
                say("falls asleep. Zzz");
                return Next(DogState.Sleeping, barks);
            case (StateMachineEventType.Cast, "squirrel" or "stop", DogState.Sleeping):
                return _awake.HandleEvent(ev, DogState.Sitting, barks);
            case (_, _, DogState.Sleeping):
                say("snores");
                return Keep(barks);
        }
        var result = _awake.HandleEvent(ev, state, barks);
        return result.StopReason is null && result.StateAfter(state) == DogState.Sitting
            ? result.And(StateMachineAction.EventTimeout(SleepsAfter, "sleepy"))
            : result;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<StateMachineTransition<DogState>> Transitions =>
    [
        .. _awake.Transitions,
        new(DogState.Sitting, "60 s without events", DogState.Sleeping),
        new(DogState.Sleeping, "squirrel", DogState.Barking),
        new(DogState.Sleeping, "anything else: snores", DogState.Sleeping),
    ];
}
