using Otp;

namespace Lab03.LinksAndMonitors;

/// <summary>
/// Task 1: predict, then check, how an exit signal spreads through a chain of linked processes.
/// Process <c>i</c> is linked to process <c>i + 1</c>; some of them trap exits. Someone outside
/// the chain sends process <c>target</c> an exit signal with <c>reason</c> (Erlang's
/// <c>exit(Pid, Reason)</c>). What happens to each process is written as one of:
/// <c>"alive"</c> (nothing reached it, or a <c>normal</c> signal was ignored),
/// <c>"traps R"</c> (it traps exits, received <c>{'EXIT', From, R}</c> and lives on), or
/// <c>"exits R"</c> (it ended with reason R). R is printed as Erlang prints it (<c>boom</c>, <c>killed</c>).
/// </summary>
public static class ExitPropagation
{
    private sealed record Ready(int Index);
    private sealed record AskFate(Pid From);
    private sealed record Fate(Pid Of, string Text);

    /// <summary>Works out each process's fate by the rules, without running anything.</summary>
    /// <param name="trapsExit">For each process of the chain, whether it traps exits.</param>
    /// <param name="target">The index of the process that gets the exit signal.</param>
    /// <param name="reason">The reason of that signal.</param>
    public static IReadOnlyList<string> Predict(IReadOnlyList<bool> trapsExit, int target, ExitReason reason)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(target, trapsExit.Count);
        var fate = Enumerable.Repeat("alive", trapsExit.Count).ToArray();
        ExitReason spreads;
        if (reason.IsKill) spreads = ExitReason.Killed;          // kill cannot be trapped, and spreads as killed
        else if (trapsExit[target])
        {
            fate[target] = $"traps {reason}";                    // a message; nothing else happens
            return fate;
        }
        else if (reason.IsNormal) return fate;                   // normal is ignored
        else spreads = reason;
        fate[target] = $"exits {spreads}";

        // Along the links, both ways, until a process that traps exits stops it.
        foreach (var step in new[] { -1, 1 })
            for (var i = target + step; i >= 0 && i < trapsExit.Count; i += step)
            {
                if (trapsExit[i])
                {
                    fate[i] = $"traps {spreads}";
                    break;
                }
                fate[i] = $"exits {spreads}";
            }
        return fate;
    }

    /// <summary>Builds the chain on the runtime, sends the exit signal, lets it spread, and reports
    /// what each process actually saw, in the same words as <see cref="Predict"/>.</summary>
    public static async Task<IReadOnlyList<string>> ObserveAsync(Process self, IReadOnlyList<bool> trapsExit, int target, ExitReason reason)
    {
        var observer = self.Self;
        var pids = new List<Pid>();
        for (var i = 0; i < trapsExit.Count; i++)
        {
            var (index, trap, left) = (i, trapsExit[i], i > 0 ? pids[i - 1] : null);
            pids.Add(self.Spawn(async me =>
            {
                me.TrapExit = trap;
                if (left is not null) me.Link(left);
                me.Send(observer, new Ready(index));
                string? trapped = null;
                while (true)
                {
                    switch (await me.Receive())
                    {
                        case ExitSignal e: trapped = $"traps {e.Reason}"; break;
                        case AskFate a: me.Send(a.From, new Fate(me.Self, trapped ?? "alive")); break;
                    }
                }
            }));
            // The next process links to this one: it must be running (and linked leftwards) first.
            await self.Receive(m => m is Ready r && r.Index == index);
        }
        var monitors = pids.Select(self.Monitor).ToList();
        self.Exit(pids[target], reason);
        await self.Sleep(TimeSpan.FromMilliseconds(10));         // let the signals travel

        var fates = new List<string>();
        for (var i = 0; i < pids.Count; i++)
        {
            var m = monitors[i];
            if (await self.Receive(x => x is Down d && d.Ref.Equals(m), TimeSpan.Zero) is Down down)
            {
                fates.Add($"exits {down.Reason}");
                continue;
            }
            self.Send(pids[i], new AskFate(self.Self));
            var pid = pids[i];
            fates.Add((await self.Receive<Fate>(f => f.Of == pid)).Text);
        }
        return fates;
    }
}
