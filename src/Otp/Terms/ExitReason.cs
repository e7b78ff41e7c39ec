namespace Otp;

/// <summary>
/// Why a process ended: Erlang's exit reason. Any term can be a reason; the runtime gives special
/// meaning to <see cref="Normal"/> (does not take linked processes down), <see cref="Kill"/>
/// (cannot be trapped; the victim's partners see <see cref="Killed"/>) and uses
/// <see cref="NoProc"/> for a process that does not exist.
/// </summary>
/// <param name="Term">The reason itself: usually an <see cref="Atom"/>, or the exception that
/// crashed the process.</param>
public sealed record ExitReason(object Term)
{
    /// <summary><c>normal</c>: the process finished its work. Linked processes are not affected.</summary>
    public static ExitReason Normal { get; } = new((object)new Atom("normal"));

    /// <summary><c>kill</c>: sent with <see cref="Process.Exit(Pid, ExitReason)"/>, ends any process,
    /// even one that traps exits.</summary>
    public static ExitReason Kill { get; } = new((object)new Atom("kill"));

    /// <summary><c>killed</c>: the reason a process killed with <see cref="Kill"/> ends with.</summary>
    public static ExitReason Killed { get; } = new((object)new Atom("killed"));

    /// <summary><c>noproc</c>: the process (or name) does not exist.</summary>
    public static ExitReason NoProc { get; } = new((object)new Atom("noproc"));

    /// <summary><c>shutdown</c>: a supervisor asked the process to stop.</summary>
    public static ExitReason Shutdown { get; } = new((object)new Atom("shutdown"));

    /// <summary><c>timeout</c>.</summary>
    public static ExitReason Timeout { get; } = new((object)new Atom("timeout"));

    /// <summary>A reason that is the atom with this name, for example <c>ExitReason.Of("boom")</c>.</summary>
    public static ExitReason Of(string atom) => new((object)new Atom(atom));

    /// <summary>The reason a process ends with when its body throws <paramref name="exception"/>.</summary>
    public static ExitReason Error(Exception exception) => new((object)exception);

    /// <summary>True for <c>normal</c>.</summary>
    public bool IsNormal => Term is Atom { Name: "normal" };

    /// <summary>True for <c>kill</c>.</summary>
    public bool IsKill => Term is Atom { Name: "kill" };

    /// <summary>The exception that crashed the process, if that is why it ended.</summary>
    public Exception? Exception => Term as Exception;

    /// <summary>
    /// The first element of the reason as Erlang would show it: the atom itself, the tag of a tuple,
    /// or for a crash the error's name (<c>badarg</c>, <c>noproc</c>, or the .NET exception type).
    /// Useful for comparing reasons without stack traces.
    /// </summary>
    public string Head => Term switch
    {
        ErlangErrorException e => e.Reason.ToString(),
        ExitException e => e.Reason.Head,
        Exception e => e.GetType().Name,
        _ => Terms.Term.Head(Term),
    };

    /// <summary>The reason in Erlang notation; a crash prints as <c>{ErrorName,"message"}</c>.</summary>
    public override string ToString() => Term switch
    {
        ErlangErrorException e => $"{{{e.Reason},{Terms.Term.Format(e.Message)}}}",
        Exception e => $"{{'{e.GetType().Name}',{Terms.Term.Format(e.Message)}}}",
        _ => Terms.Term.Format(Term),
    };

    /// <summary>An atom is a reason.</summary>
    public static implicit operator ExitReason(Atom atom) => new((object)atom);

    /// <summary>A string stands for the atom of that name, so a reason needs no ceremony:
    /// <c>self.Exit("boom")</c> is Erlang's <c>exit(boom)</c>.</summary>
    public static implicit operator ExitReason(string atom) => Of(atom);
}
