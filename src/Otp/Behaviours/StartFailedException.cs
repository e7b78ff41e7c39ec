namespace Otp.Behaviours;

/// <summary>
/// A behaviour could not start: Erlang's <c>{error, Reason}</c> from <c>start_link</c>. For
/// example <c>{already_started, Pid}</c> when the name is taken, or the reason init failed with.
/// </summary>
public sealed class StartFailedException(ExitReason reason, string message) : Exception(message)
{
    /// <summary>The reason, as Erlang's <c>{error, Reason}</c> would carry it.</summary>
    public ExitReason Reason { get; } = reason;
}
