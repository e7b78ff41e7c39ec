namespace Otp.Behaviours;

/// <summary>One event for a state machine: how it came and what it carries.</summary>
/// <param name="Type">Cast, call, info or one of the timeouts.</param>
/// <param name="Content">The message, or the timeout's content.</param>
/// <remarks>For a call, <see cref="From"/> identifies the caller for <see cref="StateMachineAction.Reply"/>.</remarks>
public sealed record StateMachineEvent(StateMachineEventType Type, object Content)
{
    /// <summary>Who to answer, for a <see cref="StateMachineEventType.Call"/>; null otherwise.</summary>
    public From? From { get; init; }

    /// <summary>For example <c>cast pet</c> or <c>state_timeout bark</c>.</summary>
    public override string ToString() => $"{Type switch
    {
        StateMachineEventType.StateTimeout => "state_timeout",
        StateMachineEventType.EventTimeout => "timeout",
        _ => Type.ToString().ToLowerInvariant(),
    }} {Terms.Term.Format(Content)}";
}
