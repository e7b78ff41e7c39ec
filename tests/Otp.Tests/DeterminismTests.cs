namespace Otp.Tests;

/// <summary>A deterministic node repeats a run exactly for the same seed; other seeds explore other
/// interleavings.</summary>
public class DeterminismTests
{
    /// <summary>Five processes each send three messages to the root, yielding in between, so the
    /// order the root sees depends on the interleaving. Monitors put references in the trace too.</summary>
    private static async Task<string> Race(int? seed)
    {
        using var node = Node.StartDeterministic(seed);
        await node.RunAsync(async self =>
        {
            var root = self.Self;
            for (var s = 0; s < 5; s++)
            {
                var sender = s;
                self.Monitor(self.Spawn(async me =>
                {
                    for (var n = 0; n < 3; n++)
                    {
                        me.Send(root, new Hello(sender, n));
                        await me.Yield();
                    }
                }));
            }
            for (var i = 0; i < 5 * 3 + 5; i++) await self.Receive();
        });
        return node.Trace!.ToText();
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_trace()
    {
        Assert.Equal(await Race(42), await Race(42));
        Assert.Equal(await Race(7), await Race(7));
    }

    [Fact]
    public async Task Without_a_seed_the_run_is_first_come_first_served_and_repeatable()
    {
        var first = await Race(null);
        Assert.Equal(first, await Race(null));
        // First come, first served: each sender's first message comes before any second message.
        var hellos = first.Split('\n').Where(l => l.Contains("receives Hello")).ToList();
        Assert.All(hellos.Take(5), l => Assert.Contains("N = 0", l));
    }

    [Fact]
    public async Task Another_seed_can_give_another_interleaving()
    {
        var traces = new HashSet<string>();
        for (var seed = 1; seed <= 10; seed++) traces.Add(await Race(seed));
        Assert.True(traces.Count > 1, "ten seeds all produced the same interleaving");
    }

    [Fact]
    public async Task References_are_numbered_per_node()
    {
        async Task<string> MakeTwo()
        {
            using var node = Node.StartDeterministic();
            return await node.RunAsync(async self => $"{self.MakeRef()} {self.MakeRef()}");
        }
        Assert.Equal("#Ref<0.0.0.1> #Ref<0.0.0.2>", await MakeTwo());
        Assert.Equal(await MakeTwo(), await MakeTwo());
        Assert.NotEqual(Ref.Make(), Ref.Make());
    }
}
