using Otp;

namespace Lab03.LinksAndMonitors;

/// <summary>Task 2: a one-for-one supervisor with a restart intensity, written with links and trap_exit.</summary>
public static class MiniSupervisor
{
    private sealed record Started(Ref Tag);

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
    public static async Task<Pid> StartAsync(Process self, IReadOnlyList<Child> children, int intensity, TimeSpan period)
    {
        var caller = self.Self;
        var tag = self.MakeRef();
        var supervisor = self.Spawn(async me =>
        {
            me.TrapExit = true;
            var running = children.Select(c => new RunningChild(c.Id, me.SpawnLink(c.Body))).ToList();
            me.Send(caller, new Started(tag));
            var restarts = new Queue<DateTimeOffset>();
            while (true)
            {
                switch (await me.Receive())
                {
                    case WhichChildren w:
                        me.Send(w.From, new Children([.. running]));
                        break;
                    case ExitSignal e when running.FindIndex(r => r.Pid == e.From) is var i and >= 0:
                        var id = running[i].Id;
                        if (e.Reason.IsNormal)
                        {
                            running.RemoveAt(i);
                            break;
                        }
                        var now = me.Node.Time.GetUtcNow();
                        while (restarts.Count > 0 && now - restarts.Peek() >= period) restarts.Dequeue();
                        if (restarts.Count + 1 > intensity)
                        {
                            running.RemoveAt(i);
                            for (var k = running.Count - 1; k >= 0; k--) me.Exit(running[k].Pid, ExitReason.Shutdown);
                            me.Exit(ExitReason.Shutdown);
                        }
                        restarts.Enqueue(now);
                        running[i] = new RunningChild(id, me.SpawnLink(children.First(c => c.Id == id).Body));
                        break;
                }
            }
        });
        await self.Receive(m => m is Started s && s.Tag == tag);
        return supervisor;
    }

    /// <summary>Asks the supervisor for its running children, in start order.</summary>
    public static async Task<IReadOnlyList<RunningChild>> WhichChildrenAsync(Process self, Pid supervisor)
    {
        var watch = self.Monitor(supervisor);
        self.Send(supervisor, new WhichChildren(self.Self));
        var answer = await self.Receive(m => m is Children || m is Down d && d.Ref.Equals(watch));
        self.Demonitor(watch, flush: true);
        return answer is Children c ? c.Running : throw new InvalidOperationException($"the supervisor {supervisor} is not running");
    }
}
