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
    public static Pid Start(Process self) => self.Spawn(async me =>
    {
        (Pid Pid, Ref Watch)? holder = null;
        var waiting = new List<(Pid Pid, Ref Watch)>();

        void GrantNext()
        {
            holder = null;
            if (waiting.Count == 0) return;
            holder = waiting[0];
            waiting.RemoveAt(0);
            me.Send(holder.Value.Pid, new Granted());
        }

        while (true)
        {
            switch (await me.Receive())
            {
                case Acquire a:
                    // A monitor, not a link: the server hears of a client's death and never dies of it.
                    var watch = me.Monitor(a.From);
                    if (holder is null)
                    {
                        holder = (a.From, watch);
                        me.Send(a.From, new Granted());
                    }
                    else waiting.Add((a.From, watch));
                    break;
                case Release r when holder is { } h && h.Pid == r.From:
                    // Forget the monitor, so the client's later death is not taken for the new holder's.
                    me.Demonitor(h.Watch, flush: true);
                    GrantNext();
                    break;
                case Down d when holder is { } h && h.Watch.Equals(d.Ref):
                    GrantNext();
                    break;
                case Down d:
                    waiting.RemoveAll(w => w.Watch.Equals(d.Ref));
                    break;
                case WhoHolds w:
                    me.Send(w.From, new Holder(holder?.Pid));
                    break;
            }
        }
    });

    /// <summary>Asks for the lock and waits until it is granted.</summary>
    public static async Task AcquireAsync(Process self, Pid server)
    {
        self.Send(server, new Acquire(self.Self));
        await self.Receive(m => m is Granted);
    }

    /// <summary>Gives the lock back.</summary>
    public static void Release(Process self, Pid server) => self.Send(server, new Release(self.Self));

    /// <summary>Who holds the lock now, or null.</summary>
    public static async Task<Pid?> HolderAsync(Process self, Pid server)
    {
        self.Send(server, new WhoHolds(self.Self));
        return (await self.Receive<Holder>()).Pid;
    }
}
