namespace Otp.Behaviours;

/// <summary>A transition a state machine declares it can make, for its diagram and for tests:
/// in <paramref name="From"/>, <paramref name="Event"/> leads to <paramref name="To"/>.</summary>
/// <param name="From">The state before.</param>
/// <param name="Event">A short label for the event, for example <c>pet</c> or <c>2 s</c>.</param>
/// <param name="To">The state after (equal to <paramref name="From"/> for a loop).</param>
public sealed record StateMachineTransition<TState>(TState From, string Event, TState To) where TState : notnull;
