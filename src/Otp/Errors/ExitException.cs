namespace Otp;

/// <summary>
/// Thrown by <see cref="Process.Exit(ExitReason)"/> (Erlang's <c>exit/1</c>) to end the calling
/// process with <see cref="Reason"/>. It may be caught, as <c>catch exit(...)</c> can be; if it
/// is not, the process ends with exactly that reason.
/// </summary>
/// <remarks>Also thrown from a runtime call made by a process that has already been killed, so
/// that its C# code unwinds (running <c>finally</c> blocks) without doing anything further.</remarks>
public sealed class ExitException(ExitReason reason)
    : Exception($"process exited: {reason}")
{
    /// <summary>The exit reason.</summary>
    public ExitReason Reason { get; } = reason;
}
