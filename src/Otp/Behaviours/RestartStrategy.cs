namespace Otp.Behaviours;

/// <summary>Which children a supervisor restarts when one of them ends: Erlang's <c>strategy</c>.</summary>
public enum RestartStrategy
{
    /// <summary><c>one_for_one</c>: only the child that ended.</summary>
    OneForOne,
    /// <summary><c>one_for_all</c>: every child. The others are shut down (in reverse start order),
    /// then all are started again in order.</summary>
    OneForAll,
    /// <summary><c>rest_for_one</c>: the child that ended and every child started after it.</summary>
    RestForOne,
}
