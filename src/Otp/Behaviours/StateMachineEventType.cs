namespace Otp.Behaviours;

/// <summary>How an event reached a state machine (gen_statem's <c>event_type()</c>).</summary>
public enum StateMachineEventType
{
    /// <summary>Sent with <see cref="StateMachine.Cast(Process, Pid, object)"/>: no reply expected.</summary>
    Cast,

    /// <summary>Sent with <see cref="StateMachine.CallAsync(Process, Pid, object, TimeSpan?)"/>: answer with <see cref="StateMachineAction.Reply"/>.</summary>
    Call,

    /// <summary>Any other message in the mailbox.</summary>
    Info,

    /// <summary>A state timeout fired: the machine stayed in one state for the whole time.</summary>
    StateTimeout,

    /// <summary>An event timeout fired: no event at all arrived for the whole time.</summary>
    EventTimeout,
}
