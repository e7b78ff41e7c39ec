namespace Otp;

/// <summary>
/// The message a process that traps exits receives instead of dying: Erlang's
/// <c>{'EXIT', From, Reason}</c>.
/// </summary>
/// <param name="From">The process the exit signal came from.</param>
/// <param name="Reason">Why it was sent (the linked process's exit reason, or the reason given
/// to <see cref="Process.Exit(Pid, ExitReason)"/>).</param>
public sealed record ExitSignal(Pid From, ExitReason Reason)
{
    /// <summary>Erlang notation, <c>{'EXIT',&lt;0.5.0&gt;,normal}</c>.</summary>
    public override string ToString() => $"{{'EXIT',{From},{Reason}}}";
}
