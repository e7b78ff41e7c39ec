using Lab03.LinksAndMonitors;

namespace Labs.Alternatives.Tests.Lab03;

/// <summary>
/// A correct answer to lab 3, task 1 (<c>ExitPropagation.ObserveAsync</c>), built in another order than
/// the reference: the chain is spawned from its far end (process n-1 first, each one linking to
/// its right neighbour), a helper process is spawned before it, and a trapping process reports
/// what it trapped as it happens instead of being asked at the end. Every pid differs from the
/// reference run; the outcome, and which process dies of what in which order, do not.
/// </summary>
public static class PushedFatesChain
{
    private sealed record Up(Pid Who);
    private sealed record Trapped(Pid Who, ExitReason Reason);

    /// <summary>Same contract as <c>ExitPropagation.ObserveAsync</c>.</summary>
    public static async Task<IReadOnlyList<string>> ObserveAsync(Process self, IReadOnlyList<bool> trapsExit, int target, ExitReason reason)
    {
        var observer = self.Self;
        // A process of its own before the chain: nothing in the task forbids it, and it moves
        // every pid of the chain by one.
        var idle = self.Spawn(async me => await me.Receive(m => m is "stop"));
        var pids = new Pid[trapsExit.Count];
        for (var i = trapsExit.Count - 1; i >= 0; i--)
        {
            var (trap, right) = (trapsExit[i], i + 1 < pids.Length ? pids[i + 1] : null);
            pids[i] = self.Spawn(async me =>
            {
                me.TrapExit = trap;
                if (right is not null) me.Link(right);
                me.Send(observer, new Up(me.Self));
                while (true)
                    if (await me.Receive() is ExitSignal e) me.Send(observer, new Trapped(me.Self, e.Reason));
            });
            var spawned = pids[i];
            await self.Receive(m => m is Up u && u.Who == spawned);
        }
        var watches = pids.Select(self.Monitor).ToList();
        self.Exit(pids[target], reason);
        await self.Sleep(TimeSpan.FromMilliseconds(10));
        self.Send(idle, "stop");

        var fates = new List<string>();
        for (var i = 0; i < pids.Length; i++)
        {
            var (watch, pid) = (watches[i], pids[i]);
            string? fate = null;
            // Every report the process sent: the last one counts, as in the reference.
            while (await self.Receive(m => m is Trapped t && t.Who == pid, TimeSpan.Zero) is Trapped t) fate = $"traps {t.Reason}";
            if (await self.Receive(m => m is Down d && d.Ref.Equals(watch), TimeSpan.Zero) is Down down) fate = $"exits {down.Reason}";
            fates.Add(fate ?? "alive");
        }
        return fates;
    }
}
