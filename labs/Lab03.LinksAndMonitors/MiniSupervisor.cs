using Otp;

namespace Lab03.LinksAndMonitors;

/// <summary>Task 2: a one-for-one supervisor with a restart intensity, written with links and trap_exit.</summary>
public static class MiniSupervisor
{
    /// <summary>
    /// Spawns a supervisor (not linked to the caller) and returns its pid once every child runs.
    /// The supervisor traps exits and starts each child with a link, in order. When a child ends
    /// with any reason but <c>normal</c>, it is restarted (one for one: the others are left
    /// alone) under the same id; a child that ends <c>normal</c> is dropped. If a restart would
    /// make more than <paramref name="intensity"/> restarts within <paramref name="period"/>, the
    /// supervisor instead sends every remaining child an exit signal <c>shutdown</c> (last
    /// started first) and exits with reason <c>shutdown</c>. It answers <see cref="WhichChildren"/>
    /// with <see cref="Children"/>.
    /// </summary>
    public static Task<Pid> StartAsync(Process self, IReadOnlyList<Child> children, int intensity, TimeSpan period) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");

    /// <summary>Asks the supervisor for its running children, in start order.</summary>
    public static Task<IReadOnlyList<RunningChild>> WhichChildrenAsync(Process self, Pid supervisor) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");
}
