using Otp;

namespace Lab02.SelectiveReceive;

/// <summary>Task 1: take urgent messages first.</summary>
public static class Priority
{
    /// <summary>
    /// Takes every <see cref="Job"/> already waiting in the mailbox, without waiting for more:
    /// first every job whose level is above <paramref name="threshold"/>, in arrival order, then
    /// every other job, in arrival order. Returns their items in the order taken. Messages that
    /// are not jobs stay in the mailbox, in their order.
    /// </summary>
    public static Task<IReadOnlyList<string>> DrainAsync(Process self, int threshold) =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");
}
