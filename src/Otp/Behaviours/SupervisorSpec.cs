namespace Otp.Behaviours;

/// <summary>
/// What a supervisor does: Erlang's <c>{SupFlags, ChildSpecs}</c> from <c>init/1</c>.
/// </summary>
/// <param name="Strategy">Which children to restart when one ends.</param>
/// <param name="Children">The children, in start order. Ids must be unique.</param>
public sealed record SupervisorSpec(RestartStrategy Strategy, IReadOnlyList<ChildSpec> Children)
{
    /// <summary>Erlang's <c>intensity</c>: how many restarts are allowed within <see cref="Period"/>.
    /// One more and the supervisor shuts all its children down and exits with <c>shutdown</c>.
    /// Default 1.</summary>
    public int Intensity { get; init; } = 1;

    /// <summary>Erlang's <c>period</c>: the sliding window for <see cref="Intensity"/>. Default 5 s.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(5);
}
