namespace Otp.Behaviours;

/// <summary>
/// How a supervisor stops a child: Erlang's <c>shutdown</c> in a child spec. The supervisor
/// monitors the child and unlinks from it, then either kills it (<see cref="BrutalKill"/>) or
/// sends it exit reason <c>shutdown</c> and waits up to the timeout for it to end, killing it if
/// it does not. A child that should clean up must trap exits to see the <c>shutdown</c>.
/// </summary>
public readonly record struct ChildShutdown
{
    private ChildShutdown(TimeSpan? timeout) => Timeout = timeout;

    /// <summary>How long to wait after <c>shutdown</c>; null for <c>brutal_kill</c>;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for <c>infinity</c>.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary><c>brutal_kill</c>: <c>exit(Child, kill)</c> at once.</summary>
    public static ChildShutdown BrutalKill { get; } = new(null);

    /// <summary><c>infinity</c>: send <c>shutdown</c> and wait for ever (the default for supervisors).</summary>
    public static ChildShutdown Infinity { get; } = new(System.Threading.Timeout.InfiniteTimeSpan);

    /// <summary>Send <c>shutdown</c>, wait up to <paramref name="timeout"/>, then kill.</summary>
    public static ChildShutdown After(TimeSpan timeout) =>
        timeout >= TimeSpan.Zero || timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? new(timeout)
            : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A shutdown timeout cannot be negative.");

    /// <summary>Erlang notation: <c>brutal_kill</c>, <c>infinity</c> or milliseconds.</summary>
    public override string ToString() =>
        Timeout is null ? "brutal_kill" : Timeout == System.Threading.Timeout.InfiniteTimeSpan ? "infinity" : ((long)Timeout.Value.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
