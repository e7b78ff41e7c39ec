namespace Otp.Behaviours;

/// <summary>When a child is restarted after it ends: Erlang's <c>restart</c> in a child spec.</summary>
public enum Restart
{
    /// <summary><c>permanent</c>: always.</summary>
    Permanent,
    /// <summary><c>transient</c>: only after an abnormal exit (not <c>normal</c>, <c>shutdown</c>
    /// or <c>{shutdown, Term}</c>).</summary>
    Transient,
    /// <summary><c>temporary</c>: never; the child is forgotten when it ends.</summary>
    Temporary,
}
