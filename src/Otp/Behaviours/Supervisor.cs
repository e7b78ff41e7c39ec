namespace Otp.Behaviours;

/// <summary>
/// Erlang's <c>supervisor</c> behaviour: a process that starts children, watches them through
/// links and restarts them by a <see cref="RestartStrategy"/>, within a restart intensity.
/// </summary>
/// <remarks>
/// <para>The contract, as in Erlang/OTP:</para>
/// <list type="bullet">
/// <item>Start: the supervisor traps exits and starts its children one by one, in order. If one
/// fails, those already started are shut down (in reverse order) and the start fails with
/// <c>{shutdown, {failed_to_start_child, Id, Reason}}</c>.</item>
/// <item>When a child ends, its <see cref="Restart"/> type decides whether to restart; the
/// <see cref="RestartStrategy"/> decides which other children are restarted with it.</item>
/// <item>More than <see cref="SupervisorSpec.Intensity"/> restarts within
/// <see cref="SupervisorSpec.Period"/>: the supervisor shuts every child down and exits with
/// <c>shutdown</c>, passing the problem to its own supervisor.</item>
/// <item>Shut down (by its parent, or by <see cref="GenServer.StopAsync(Process, Pid, ExitReason?, TimeSpan?)"/>):
/// children are stopped in reverse start order, each by its <see cref="ChildShutdown"/>.</item>
/// </list>
/// </remarks>
public static partial class Supervisor
{
    /// <summary>Erlang's <c>supervisor:start_link/2,3</c>: starts a supervisor linked to
    /// <paramref name="self"/> and returns once every child has started.</summary>
    /// <exception cref="StartFailedException">A child could not start.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The spec's intensity is negative or its period not positive.</exception>
    public static ValueTask<Pid> StartLinkAsync(Process self, SupervisorSpec spec, string? name = null) =>
        GenServer.StartLinkAsync(self, new SupervisorServer(Validated(spec)), name);

    /// <summary>Erlang's <c>supervisor:start/2,3</c>: as <see cref="StartLinkAsync"/>, without a link.</summary>
    /// <exception cref="StartFailedException">A child could not start.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The spec's intensity is negative or its period not positive.</exception>
    public static ValueTask<Pid> StartAsync(Process self, SupervisorSpec spec, string? name = null) =>
        GenServer.StartAsync(self, new SupervisorServer(Validated(spec)), name);

    // Every way to start a supervisor passes here, so none can skip a check.
    private static SupervisorSpec Validated(SupervisorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Intensity < 0) throw new ArgumentOutOfRangeException(nameof(spec), "Intensity cannot be negative.");
        if (spec.Period <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(spec), "Period must be positive.");
        return spec;
    }

    /// <summary>Erlang's <c>supervisor:which_children/1</c>: the children, most recently started
    /// first (Erlang's order), with their pids.</summary>
    public static async ValueTask<IReadOnlyList<ChildInfo>> WhichChildrenAsync(Process self, Pid supervisor) =>
        (IReadOnlyList<ChildInfo>)await GenServer.CallAsync(self, supervisor, new SupervisorServer.WhichChildren(), System.Threading.Timeout.InfiniteTimeSpan);

    /// <summary>Erlang's <c>supervisor:start_child/2</c>: adds a child at the end and starts it.</summary>
    /// <exception cref="StartFailedException">The id is in use (<c>already_started</c> /
    /// <c>already_present</c>) or the child did not start.</exception>
    public static async ValueTask<Pid> StartChildAsync(Process self, Pid supervisor, ChildSpec child) =>
        await GenServer.CallAsync(self, supervisor, new SupervisorServer.StartChild(child), System.Threading.Timeout.InfiniteTimeSpan) switch
        {
            Pid pid => pid,
            ExitReason r => throw new StartFailedException(r, $"start_child {child.Id}: {r}"),
            var other => throw new InvalidOperationException($"unexpected answer {other}"),
        };

    /// <summary>Erlang's <c>supervisor:terminate_child/2</c>: stops the child by its shutdown
    /// rule. Its spec stays (so <see cref="StartChildAsync"/> with the same id is refused) unless it is temporary.</summary>
    /// <exception cref="KeyNotFoundException">No child has that id.</exception>
    public static async ValueTask TerminateChildAsync(Process self, Pid supervisor, string id)
    {
        if (await GenServer.CallAsync(self, supervisor, new SupervisorServer.TerminateChild(id), System.Threading.Timeout.InfiniteTimeSpan) is ExitReason r)
            throw new KeyNotFoundException($"terminate_child {id}: {r}");
    }

    /// <summary>Erlang's <c>supervisor:delete_child/2</c>: forgets a stopped child's spec.</summary>
    /// <exception cref="InvalidOperationException">The child is running, or there is no such child.</exception>
    public static async ValueTask DeleteChildAsync(Process self, Pid supervisor, string id)
    {
        if (await GenServer.CallAsync(self, supervisor, new SupervisorServer.DeleteChild(id), System.Threading.Timeout.InfiniteTimeSpan) is ExitReason r)
            throw new InvalidOperationException($"delete_child {id}: {r}");
    }
}
