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
    public static async Task<IReadOnlyList<string>> DrainAsync(Process self, int threshold)
    {
        var taken = new List<string>();
        while (await self.Receive(m => m is Job j && j.Level > threshold, TimeSpan.Zero) is Job urgent)
            taken.Add(urgent.Item);
        while (await self.Receive(m => m is Job, TimeSpan.Zero) is Job other)
            taken.Add(other.Item);
        return taken;
    }
}
