using Otp;

namespace Lab01.Processes;

/// <summary>Adds <paramref name="By"/> to the counter.</summary>
public sealed record Increment(int By);

/// <summary>Asks the counter for its value, to be sent to <paramref name="From"/> in a <see cref="Count"/>.</summary>
public sealed record GetCount(Pid From);

/// <summary>The counter's value.</summary>
public sealed record Count(int Value);

/// <summary>Task 2: a counter process that everyone finds by its registered name.</summary>
public static class Counter
{
    /// <summary>The name the counter is registered under.</summary>
    public const string Name = "counter";

    /// <summary>
    /// Spawns a counter process starting at 0, registers it under <see cref="Name"/> and returns
    /// its pid. The counter adds every <see cref="Increment"/> and answers every
    /// <see cref="GetCount"/> with a <see cref="Count"/>.
    /// </summary>
    /// <exception cref="BadArgException">A process is already registered under <see cref="Name"/>.</exception>
    public static Pid Start(Process self)
    {
        var pid = self.Spawn(async me =>
        {
            var count = 0;
            while (true)
            {
                switch (await me.Receive())
                {
                    case Increment inc:
                        count += inc.By;
                        break;
                    case GetCount get:
                        me.Send(get.From, new Count(count));
                        break;
                }
            }
        });
        // Erlang's register(counter, spawn(...)): the parent names the child before anyone can
        // look for it.
        self.Node.Register(Name, pid);
        return pid;
    }

    /// <summary>Sends an <see cref="Increment"/> to the process registered as <see cref="Name"/>.</summary>
    /// <exception cref="BadArgException">No process is registered under that name (Erlang's badarg).</exception>
    public static void Increment(Process self, int by = 1) => self.Send(Name, new Increment(by));

    /// <summary>Asks the counter registered as <see cref="Name"/> for its value and waits for the answer.</summary>
    /// <exception cref="BadArgException">No process is registered under that name.</exception>
    public static async Task<int> GetAsync(Process self)
    {
        self.Send(Name, new GetCount(self.Self));
        return (await self.Receive<Count>()).Value;
    }
}
