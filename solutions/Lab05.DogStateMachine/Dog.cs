using Otp;
using Otp.Behaviours;

namespace Lab05.DogStateMachine;

/// <summary>
/// Tasks 1 and 2: the dog. Its state is a <see cref="DogState"/>; its data is how many times it
/// has barked. Events are casts of strings: <c>"pet"</c>, <c>"squirrel"</c>, <c>"stop"</c>, and
/// anything else, which confuses it.
/// </summary>
/// <param name="say">Where the dog narrates what it does, one line at a time (for example
/// <c>"Bark! Bark!"</c>).</param>
public sealed class Dog(Action<string> say) : StateMachine<DogState, int>
{
    /// <summary>How often a barking dog barks.</summary>
    public static readonly TimeSpan BarkEvery = TimeSpan.FromSeconds(2);

    /// <summary>How long a wagging dog waits, without any event, before it barks again.</summary>
    public static readonly TimeSpan BoredAfter = TimeSpan.FromSeconds(30);

    /// <summary>The dog starts barking at once.</summary>
    public override StateMachineResult<DogState, int> Init() => Bark(0);

    /// <summary>Task 1 (pet, squirrel, stop, confused) and task 2 (the two timeouts).</summary>
    public override StateMachineResult<DogState, int> HandleEvent(StateMachineEvent ev, DogState state, int barks) =>
        (ev.Type, ev.Content, state) switch
        {
            (StateMachineEventType.Cast, "stop", _) => GoHome(barks),
            (StateMachineEventType.StateTimeout, "bark", DogState.Barking) => Bark(barks),
            (StateMachineEventType.Cast, "pet", DogState.Barking) => Say("wags its tail", Next(DogState.WaggingTail, barks, BoredTimeout)),
            (StateMachineEventType.EventTimeout, "bored", DogState.WaggingTail) => Bark(barks),
            (StateMachineEventType.Cast, "pet", DogState.WaggingTail) => Say("sits. Goooood boy!", Next(DogState.Sitting, barks)),
            (StateMachineEventType.Cast, "squirrel", DogState.Sitting) => Bark(barks),
            // Any event ends the quiet 30 seconds of a wagging dog, so they start again.
            (StateMachineEventType.Cast, _, DogState.WaggingTail) => Say("is confused", Keep(barks, BoredTimeout)),
            _ => Say("is confused", Keep(barks)),
        };

    /// <summary>Task 1: every transition, for the state diagram.</summary>
    public override IReadOnlyList<StateMachineTransition<DogState>> Transitions =>
    [
        new(DogState.Barking, "every 2 s", DogState.Barking),
        new(DogState.Barking, "pet", DogState.WaggingTail),
        new(DogState.WaggingTail, "30 s without events", DogState.Barking),
        new(DogState.WaggingTail, "pet", DogState.Sitting),
        new(DogState.Sitting, "squirrel", DogState.Barking),
    ];

    private static StateMachineAction BoredTimeout => StateMachineAction.EventTimeout(BoredAfter, "bored");

    private StateMachineResult<DogState, int> Bark(int barks) =>
        Say("Bark! Bark!", Next(DogState.Barking, barks + 1, StateMachineAction.StateTimeout(BarkEvery, "bark")));

    private StateMachineResult<DogState, int> GoHome(int barks) => Say("goes home", Stop(ExitReason.Normal, barks));

    private StateMachineResult<DogState, int> Say(string line, StateMachineResult<DogState, int> result)
    {
        say(line);
        return result;
    }
}
