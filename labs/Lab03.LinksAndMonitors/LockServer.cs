using Otp;

namespace Lab03.LinksAndMonitors;

/// <summary>Task 3: a lock server that frees the lock of a holder that dies (monitors, not links).</summary>
public static class LockServer
{
    /// <summary>
    /// Spawns the lock server (linked to nobody) and returns its pid. One client at a time holds
    /// the lock; the others wait in the order they asked. The lock passes to the next waiter (who
    /// gets <see cref="Granted"/>) when the holder sends <see cref="Release"/> or ends, for any
    /// reason. A waiter that ends before its turn leaves the queue. A client that ends after it
    /// released the lock changes nothing. Answers <see cref="WhoHolds"/> with <see cref="Holder"/>.
    /// </summary>
    public static Pid Start(Process self) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");

    /// <summary>Asks for the lock and waits until it is granted.</summary>
    public static Task AcquireAsync(Process self, Pid server) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");

    /// <summary>Gives the lock back.</summary>
    public static void Release(Process self, Pid server) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");

    /// <summary>Who holds the lock now, or null.</summary>
    public static Task<Pid?> HolderAsync(Process self, Pid server) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");
}
