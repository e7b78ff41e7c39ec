using Otp;

namespace Lab02.SelectiveReceive;

/// <summary>Task 2: a receive with several priority levels.</summary>
public static class Levels
{
    /// <summary>
    /// Takes the most urgent job waiting now. <paramref name="thresholds"/> are in descending order
    /// and cut the levels into bands: band 0 is above <c>thresholds[0]</c>, band 1 above
    /// <c>thresholds[1]</c>, ..., the last band is everything else. Returns the oldest job of the
    /// most urgent band that has one. If no job waits at all, waits up to
    /// <paramref name="timeout"/> for the first job to arrive (any level) and returns it; returns
    /// null if none arrives in time. Messages that are not jobs are never taken.
    /// </summary>
    /// <exception cref="ArgumentException">The thresholds are not in strictly descending order.</exception>
    public static Task<Job?> NextAsync(Process self, IReadOnlyList<int> thresholds, TimeSpan timeout) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");
}
