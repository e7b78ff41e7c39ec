using Otp.Behaviours;

namespace Otp.Tests.Behaviours;

public class SupervisorTests
{
    /// <summary>A child that logs its start and its end, and crashes on "crash".</summary>
    private static ChildSpec Logged(string id, List<string> log, Restart restart = Restart.Permanent, bool trap = false) =>
        ChildSpec.Process(id, async me =>
        {
            me.TrapExit = trap;
            me.Register(id);
            log.Add($"start {id}");
            while (true)
            {
                switch (await me.Receive())
                {
                    case "crash": me.Exit(ExitReason.Of("crashed"));
                        break;
                    case "quit": return;
                    case ExitSignal e:
                        log.Add($"{id} shut down with {e.Reason}");
                        me.Exit(e.Reason);
                        break;
                }
            }
        }) with { Restart = restart };

    /// <summary>A gen_server child that traps exits and logs its init and terminate.</summary>
    private sealed class LoggingServer(string id, List<string> log) : GenServer<string>
    {
        protected override ValueTask<string> InitAsync()
        {
            Self.TrapExit = true;
            log.Add($"init {id}");
            return ValueTask.FromResult(id);
        }

        protected override ValueTask TerminateAsync(ExitReason reason, string state)
        {
            log.Add($"terminate {id} {reason}");
            return ValueTask.CompletedTask;
        }
    }

    private static async Task<List<string>> Run(RestartStrategy strategy, string crash, int intensity = 3, Restart restart = Restart.Permanent)
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var spec = new SupervisorSpec(strategy, [Logged("a", log), Logged("b", log, restart), Logged("c", log)]) { Intensity = intensity };
        var sup = await Supervisor.StartAsync(node, spec);
        log.Add("--");
        node.Send(crash, "crash");
        await node.SettleAsync();
        return log;
    }

    [Fact]
    public async Task OneForOneRestartsOnlyTheCrashedChild() =>
        Assert.Equal(["start a", "start b", "start c", "--", "start b"], await Run(RestartStrategy.OneForOne, "b"));

    [Fact]
    public async Task OneForAllRestartsEveryChildInOrder() =>
        Assert.Equal(["start a", "start b", "start c", "--", "start a", "start b", "start c"], await Run(RestartStrategy.OneForAll, "b"));

    [Fact]
    public async Task RestForOneRestartsTheChildAndThoseAfterIt() =>
        Assert.Equal(["start a", "start b", "start c", "--", "start b", "start c"], await Run(RestartStrategy.RestForOne, "b"));

    [Fact]
    public async Task TemporaryChildrenAreNotRestarted() =>
        Assert.Equal(["start a", "start b", "start c", "--"], await Run(RestartStrategy.OneForOne, "b", restart: Restart.Temporary));

    [Fact]
    public async Task TransientChildrenAreRestartedOnlyAfterACrash()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var sup = await Supervisor.StartAsync(node, new SupervisorSpec(RestartStrategy.OneForOne, [Logged("t", log, Restart.Transient)]));
        node.Send("t", "crash");
        await node.SettleAsync();
        node.Send("t", "quit");
        await node.SettleAsync();
        Assert.Equal(["start t", "start t"], log);
        var children = await Supervisor.WhichChildrenAsync(node, sup);
        Assert.Equal("{t,undefined,worker,[]}", Assert.Single(children).ToString());
    }

    [Fact]
    public async Task TooManyRestartsShutTheSupervisorDown()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var sup = await Supervisor.StartAsync(node, new SupervisorSpec(RestartStrategy.OneForOne,
            [Logged("a", log, trap: true), Logged("b", log)]) { Intensity = 2, Period = TimeSpan.FromSeconds(10) });
        for (var i = 0; i < 3; i++)
        {
            node.Send("b", "crash");
            await node.SettleAsync();
        }
        Assert.Equal("shutdown", (await node.WaitForExitAsync(sup)).ToString());
        Assert.Equal(["start a", "start b", "start b", "start b", "a shut down with shutdown"], log);
    }

    [Fact]
    public async Task RestartsOutsideThePeriodDoNotCount()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var sup = await Supervisor.StartAsync(node, new SupervisorSpec(RestartStrategy.OneForOne, [Logged("a", log)])
            { Intensity = 1, Period = TimeSpan.FromSeconds(5) });
        for (var i = 0; i < 4; i++)
        {
            node.Send("a", "crash");
            await node.RunForAsync(TimeSpan.FromSeconds(6));
        }
        Assert.True(node.IsAlive(sup));
        Assert.Equal(5, log.Count);
    }

    [Fact]
    public async Task ShutdownStopsChildrenInReverseOrder()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var sup = await Supervisor.StartAsync(node, new SupervisorSpec(RestartStrategy.OneForOne,
            [Logged("a", log, trap: true), Logged("b", log, trap: true), Logged("c", log, trap: true)]));
        await GenServer.StopAsync(node, sup, ExitReason.Shutdown);
        Assert.Equal(["start a", "start b", "start c", "c shut down with shutdown", "b shut down with shutdown", "a shut down with shutdown"], log);
    }

    [Fact]
    public async Task AChildThatIgnoresShutdownIsKilledAfterItsTimeout()
    {
        using var node = Node.StartDeterministic();
        Pid? stubborn = null;
        var spec = new SupervisorSpec(RestartStrategy.OneForOne,
        [
            ChildSpec.Process("stubborn", async me => { me.TrapExit = true; while (true) await me.Receive(); })
                with { Shutdown = ChildShutdown.After(TimeSpan.FromSeconds(2)) },
        ]);
        var sup = await Supervisor.StartAsync(node, spec);
        stubborn = (await Supervisor.WhichChildrenAsync(node, sup))[0].Pid!;
        var started = node.Time.GetUtcNow();
        await GenServer.StopAsync(node, sup, ExitReason.Shutdown);
        Assert.Equal("killed", node.ExitReasonOf(stubborn)!.ToString());
        Assert.Equal(TimeSpan.FromSeconds(2), node.Time.GetUtcNow() - started);
    }

    [Fact]
    public async Task NestedSupervisorsAndWhichChildren()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var inner = new SupervisorSpec(RestartStrategy.OneForAll, [Logged("x", log), Logged("y", log)]);
        var sup = await Supervisor.StartAsync(node, new SupervisorSpec(RestartStrategy.OneForOne,
            [Logged("a", log), ChildSpec.Supervisor("inner", inner)]));
        var tree = await SupervisionTree.ReadAsync(node, sup, "top");
        Assert.Equal("top (supervisor)\n  a\n  inner (supervisor)\n    x\n    y\n", tree.ToText(withPids: false));
        Assert.Contains("<svg", tree.ToSvg());
        var ids = (await Supervisor.WhichChildrenAsync(node, sup)).Select(c => c.Id);
        Assert.Equal(["inner", "a"], ids);
    }

    [Fact]
    public async Task AFailingChildFailsTheStart()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var spec = new SupervisorSpec(RestartStrategy.OneForOne,
            [ChildSpec.Worker("a", () => new LoggingServer("a", log)), new ChildSpec("bad", _ => throw new InvalidOperationException("no"))]);
        var ex = await Assert.ThrowsAsync<StartFailedException>(() => Supervisor.StartAsync(node, spec));
        Assert.StartsWith("{shutdown,{failed_to_start_child,bad,", ex.Reason.ToString());
        Assert.Equal(["init a", "terminate a shutdown"], log);
    }

    [Fact]
    public async Task RestartsOnARealTimeNode()
    {
        using var node = Node.Start();
        var log = new List<string>();
        var sup = await Supervisor.StartAsync(node, new SupervisorSpec(RestartStrategy.RestForOne,
            [ChildSpec.Worker("a", () => new LoggingServer("a", log)), ChildSpec.Worker("b", () => new LoggingServer("b", log))])
            { Intensity = 10 });
        for (var i = 0; i < 5; i++)
        {
            var before = await Supervisor.WhichChildrenAsync(node, sup);
            node.Exit(before.Single(c => c.Id == "a").Pid!, ExitReason.Kill);   // a traps exits: only kill ends it
            await node.RunAsync(async self =>
            {
                // Wait until both children have been replaced.
                while ((await Supervisor.WhichChildrenAsync(self, sup)).Any(c => c.Pid is null || before.Any(b => b.Pid == c.Pid)))
                    await self.Sleep(TimeSpan.FromMilliseconds(5));
            }, TimeSpan.FromSeconds(10));
        }
        Assert.True(node.IsAlive(sup));
        lock (log) Assert.Equal(12, log.Count(l => l.StartsWith("init", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DynamicChildren()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var sup = await Supervisor.StartAsync(node, new SupervisorSpec(RestartStrategy.OneForOne, []));
        await node.RunAsync(async self =>
        {
            await Supervisor.StartChildAsync(self, sup, Logged("d", log));
            await Assert.ThrowsAsync<StartFailedException>(async () => await Supervisor.StartChildAsync(self, sup, Logged("d", log)));
            await Supervisor.TerminateChildAsync(self, sup, "d");
            await Supervisor.DeleteChildAsync(self, sup, "d");
            Assert.Empty(await Supervisor.WhichChildrenAsync(self, sup));
        });
        Assert.Equal(["start d"], log);
    }

    [Fact]
    public async Task EveryWayToStartChecksTheSpec()
    {
        using var node = Node.StartDeterministic();
        var bad = new SupervisorSpec(RestartStrategy.OneForOne, []) { Intensity = -1 };
        // From outside a process, from a process, linked or not: the same check, before anything starts.
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Supervisor.StartAsync(node, bad));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => node.RunAsync(self => Supervisor.StartAsync(self, bad).AsTask()));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => node.RunAsync(self => Supervisor.StartLinkAsync(self, bad with { Intensity = 1, Period = TimeSpan.Zero }).AsTask()));
        Assert.Equal(0, node.ProcessCount);
    }
}
