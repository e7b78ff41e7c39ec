namespace Otp.Behaviours;

/// <summary>
/// Something a state machine asks the runtime to do along with a transition (gen_statem's
/// transition actions). Create them with the static methods.
/// </summary>
public abstract record StateMachineAction
{
    private protected StateMachineAction() { }

    /// <summary>Answers a call.</summary>
    public static StateMachineAction Reply(From to, object value) => new ReplyAction(to, value);

    /// <summary>
    /// Starts (or restarts) the state timeout: after <paramref name="time"/> a
    /// <see cref="StateMachineEventType.StateTimeout"/> event with <paramref name="content"/>
    /// arrives, unless the machine changes state first. Events that keep the state do not cancel it.
    /// </summary>
    public static StateMachineAction StateTimeout(TimeSpan time, object content) => new StateTimeoutAction(time, content);

    /// <summary>
    /// Starts the event timeout: after <paramref name="time"/> an
    /// <see cref="StateMachineEventType.EventTimeout"/> event with <paramref name="content"/>
    /// arrives, unless any event arrives first (whatever the state).
    /// </summary>
    public static StateMachineAction EventTimeout(TimeSpan time, object content) => new EventTimeoutAction(time, content);

    /// <summary>Keeps the current event for later: it is handled again, before newer events, once
    /// the machine changes state.</summary>
    public static StateMachineAction Postpone { get; } = new PostponeAction();

    internal sealed record ReplyAction(From To, object Value) : StateMachineAction;
    internal sealed record StateTimeoutAction(TimeSpan Time, object Content) : StateMachineAction;
    internal sealed record EventTimeoutAction(TimeSpan Time, object Content) : StateMachineAction;
    internal sealed record PostponeAction : StateMachineAction;
}
