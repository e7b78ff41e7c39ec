namespace Lab03.LinksAndMonitors.Tests;

public class MiniSupervisorTests
{
    /// <summary>A child that crashes with "crashed" when told "crash" and ends normally on "quit".</summary>
    private static Child Worker(string id) => new(id, async me =>
    {
        while (true)
        {
            switch (await me.Receive())
            {
                case "crash": me.Exit(ExitReason.Of("crashed")); break;
                case "quit": return;
            }
        }
    });

    private static readonly Child[] Three = [Worker("a"), Worker("b"), Worker("c")];

    private static async Task<Pid> PidOf(Process self, Pid sup, string id) =>
        (await MiniSupervisor.WhichChildrenAsync(self, sup)).Single(c => c.Id == id).Pid;

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_StartsEveryChildInOrder()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var sup = await MiniSupervisor.StartAsync(self, Three, 3, TimeSpan.FromSeconds(5));
            var children = await MiniSupervisor.WhichChildrenAsync(self, sup);
            return (children, links: self.Node.LinksOf(sup), trapping: children.Select(c => self.Node.LinksOf(c.Pid).Contains(sup)));
        });
        Assert.Equal(["a", "b", "c"], run.Result.children.Select(c => c.Id));
        Assert.Equal(run.Result.children.Select(c => c.Pid).Order(), run.Result.links.Order());
        Assert.All(run.Result.trapping, Assert.True);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_RestartsOnlyTheCrashedChild()
    {
        var run = await Lab.RunAsync(async self =>
        {
            self.Node.Trace!.Label(self.Self, "test");
            var sup = await MiniSupervisor.StartAsync(self, Three, 3, TimeSpan.FromSeconds(5));
            self.Node.Trace.Label(sup, "sup");
            var before = await MiniSupervisor.WhichChildrenAsync(self, sup);
            self.Send(before[1].Pid, "crash");
            await self.Sleep(TimeSpan.FromMilliseconds(10));
            var after = await MiniSupervisor.WhichChildrenAsync(self, sup);
            return (before, after);
        });
        var (before, after) = run.Result;
        Assert.Equal(["a", "b", "c"], after.Select(c => c.Id));
        Assert.Equal(before[0].Pid, after[0].Pid);
        Assert.NotEqual(before[1].Pid, after[1].Pid);
        Assert.Equal(before[2].Pid, after[2].Pid);
        // Starts, crashes and restarts; whatever else the supervisor says is its own business. The
        // children are named by order of appearance in these lines (<P1>, <P2>, ...), not by pid: the
        // task does not say how many processes come before them.
        await Verify(TraceText.PidsByAppearance(TraceText.Keep(run.Trace,
            l => l.Contains(" spawns and links ") || (l.Contains(" exits ") && !l.Contains("test exits")))));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_ANormalExitIsNotRestarted()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var sup = await MiniSupervisor.StartAsync(self, Three, 3, TimeSpan.FromSeconds(5));
            self.Send(await PidOf(self, sup, "a"), "quit");
            await self.Sleep(TimeSpan.FromMilliseconds(10));
            return await MiniSupervisor.WhichChildrenAsync(self, sup);
        });
        Assert.Equal(["b", "c"], run.Result.Select(c => c.Id));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_TooManyRestartsShutEverythingDown()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var sup = await MiniSupervisor.StartAsync(self, Three, 2, TimeSpan.FromSeconds(10));
            var watchSup = self.Monitor(sup);
            var others = new[] { await PidOf(self, sup, "a"), await PidOf(self, sup, "c") };
            var watchOthers = others.Select(self.Monitor).ToList();
            for (var i = 0; i < 3; i++)
            {
                self.Send(await PidOf(self, sup, "b"), "crash");
                await self.Sleep(TimeSpan.FromSeconds(1));
            }
            var supDown = await self.Receive<Down>(d => d.Ref == watchSup);
            var othersDown = new List<string>();
            foreach (var w in watchOthers) othersDown.Add((await self.Receive<Down>(d => d.Ref == w)).Reason.ToString());
            return (sup: supDown.Reason.ToString(), othersDown);
        });
        Assert.Equal("shutdown", run.Result.sup);
        Assert.Equal(["shutdown", "shutdown"], run.Result.othersDown);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_RestartsSpreadOverTimeAreFine()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var sup = await MiniSupervisor.StartAsync(self, Three, 1, TimeSpan.FromSeconds(5));
            for (var i = 0; i < 4; i++)
            {
                self.Send(await PidOf(self, sup, "b"), "crash");
                await self.Sleep(TimeSpan.FromSeconds(6));
            }
            return (alive: self.Node.IsAlive(sup), children: (await MiniSupervisor.WhichChildrenAsync(self, sup)).Count);
        });
        Assert.True(run.Result.alive);
        Assert.Equal(3, run.Result.children);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_TheIntensityCountsOnlyTheLastPeriod()
    {
        // Intensity 2 in 5 s: crashes at 0, 3, 6 and 9 s never make three restarts within 5 s.
        var run = await Lab.RunAsync(async self =>
        {
            var sup = await MiniSupervisor.StartAsync(self, Three, 2, TimeSpan.FromSeconds(5));
            for (var i = 0; i < 4; i++)
            {
                self.Send(await PidOf(self, sup, "b"), "crash");
                await self.Sleep(TimeSpan.FromSeconds(3));
            }
            var aliveAfterSpread = self.Node.IsAlive(sup);
            await self.Sleep(TimeSpan.FromSeconds(3));     // 6 s after the last crash: the window is empty
            // Then three quick ones: the third is one too many.
            for (var i = 0; i < 3; i++)
            {
                self.Send(await PidOf(self, sup, "b"), "crash");
                await self.Sleep(TimeSpan.FromMilliseconds(100));
            }
            return (aliveAfterSpread, aliveAtTheEnd: self.Node.IsAlive(sup));
        });
        Assert.True(run.Result.aliveAfterSpread);
        Assert.False(run.Result.aliveAtTheEnd);
    }
}
