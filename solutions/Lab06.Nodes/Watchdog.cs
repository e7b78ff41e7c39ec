using Otp;

namespace Lab06.Nodes;

/// <summary>Task 4: a monitor across nodes that tells a crashed process from a lost
/// connection.</summary>
public static class Watchdog
{
    /// <summary>Task 4: monitors <paramref name="target"/> (a process of any node), waits for
    /// its <see cref="Down"/> and says how it ended.</summary>
    public static async Task<RemoteEnd> WatchAsync(Process self, Pid target)
    {
        var monitor = self.Monitor(target);
        var down = await self.Receive<Down>(d => d.Ref.Equals(monitor));
        return down.Reason.Term switch
        {
            Atom { Name: "normal" } => new RemoteEnd.Finished(),
            Atom { Name: "noconnection" } => new RemoteEnd.ConnectionLost(),
            Atom { Name: "noproc" } => new RemoteEnd.NoProcess(),
            _ => new RemoteEnd.Crashed(down.Reason.ToString()),
        };
    }
}
