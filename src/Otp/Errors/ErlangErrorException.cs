namespace Otp;

/// <summary>
/// A run-time error in Erlang's sense (<c>error:Reason</c>): what a BIF raises when it is called
/// wrongly. Uncaught, it ends the process with a reason whose head is <see cref="Reason"/>.
/// </summary>
public class ErlangErrorException : Exception
{
    /// <summary>Raises error <paramref name="reason"/> with an explanation for people.</summary>
    public ErlangErrorException(Atom reason, string message) : base(message) => Reason = reason;

    /// <summary>Raises error <paramref name="reason"/>: Erlang's <c>error(Reason)</c>.</summary>
    public ErlangErrorException(Atom reason) : this(reason, $"error: {reason}") { }

    /// <summary>The Erlang error reason, such as <c>badarg</c> or <c>noproc</c>.</summary>
    public Atom Reason { get; }
}

/// <summary>Erlang's <c>badarg</c>: a runtime function was called with an argument it cannot
/// accept, for example sending to a name that is not registered.</summary>
public sealed class BadArgException(string message) : ErlangErrorException(new Atom("badarg"), message);

/// <summary>Erlang's <c>noproc</c> error: the process to link to does not exist.</summary>
public sealed class NoProcException(string message) : ErlangErrorException(new Atom("noproc"), message);
