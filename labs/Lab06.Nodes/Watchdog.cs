using Otp;

namespace Lab06.Nodes;

/// <summary>Task 4: a monitor across nodes that tells a crashed process from a lost
/// connection.</summary>
public static class Watchdog
{
    /// <summary>Task 4: monitors <paramref name="target"/> (a process of any node), waits for
    /// its <see cref="Down"/> and says how it ended.</summary>
    public static Task<RemoteEnd> WatchAsync(Process self, Pid target) =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");
}
