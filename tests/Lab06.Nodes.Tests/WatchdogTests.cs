namespace Lab06.Nodes.Tests;

public class WatchdogTests
{
    private static readonly Atom s_go = new("go");

    // The pid a process of another node would get in a message: Spawn gives a pid local to b.
    private static Pid AsSeenFromAnotherNode(Node node, Pid pid) => Pid.Remote(new Atom(node.Name), (uint)pid.Number, 0, node.Creation);

    // A worker on b that waits for "go", then ends the way the test asks.
    private static Pid Worker(Node b, Func<Process, Task> end) => b.Spawn(async self =>
    {
        await self.Receive(m => s_go.Equals(m));
        await end(self);
    });

    private static async Task<(RemoteEnd End, string Trace)> WatchOnA(Func<SimulatedNetworkCase, Task> stage, Func<Process, Task> end, int seed = 1)
    {
        var run = await Lab.RunOnNetworkAsync(async net =>
        {
            var a = net.AddNode("a");
            var b = net.AddNode("b");
            var worker = Worker(b, end);
            net.Trace!.Label(worker, "worker@b");
            return await a.RunAsync(async self =>
            {
                net.Trace.Label(self.Self, "watchdog@a");
                var remote = AsSeenFromAnotherNode(b, worker);
                var watching = WatchdogAsync(self, remote);
                await stage(new SimulatedNetworkCase(net, self, remote));
                return await watching;
            });
        }, seed: seed);
        return (run.Result, run.Trace);
    }

    private static Task<RemoteEnd> WatchdogAsync(Process self, Pid worker) => Watchdog.WatchAsync(self, worker);

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_ACrashIsACrash()
    {
        var (end, trace) = await WatchOnA(c => { c.Self.Send(c.Worker, s_go); return Task.CompletedTask; },
            self => { self.Exit(ExitReason.Of("boom")); return Task.CompletedTask; });
        Assert.Equal(new RemoteEnd.Crashed("boom"), end);
        await Verify(TraceText.Stable(trace));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_ALostConnectionIsNotACrash()
    {
        var (end, trace) = await WatchOnA(c =>
        {
            c.Self.Send(c.Worker, new Atom("hello"));
            c.Net.After(TimeSpan.FromSeconds(1), () => c.Net.Partition(["a"], ["b"]));
            return Task.CompletedTask;
        }, self => Task.CompletedTask);
        Assert.Equal(new RemoteEnd.ConnectionLost(), end);
        await Verify(TraceText.Stable(trace));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_ANormalEndIsNoCrash()
    {
        var (end, _) = await WatchOnA(c => { c.Self.Send(c.Worker, s_go); return Task.CompletedTask; }, self => Task.CompletedTask);
        Assert.Equal(new RemoteEnd.Finished(), end);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_AProcessThatIsGoneIsReportedAsNoProcess()
    {
        var run = await Lab.RunOnNetworkAsync(async net =>
        {
            var a = net.AddNode("a");
            var b = net.AddNode("b");
            var worker = Worker(b, self => Task.CompletedTask);
            b.Send(worker, s_go);
            await b.WaitForExitAsync(worker);
            return await a.RunAsync(self => Watchdog.WatchAsync(self, AsSeenFromAnotherNode(b, worker)));
        }, seed: 1);
        Assert.Equal(new RemoteEnd.NoProcess(), run.Result);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_AStoppedNodeIsALostConnection()
    {
        var run = await Lab.RunOnNetworkAsync(async net =>
        {
            var a = net.AddNode("a");
            var b = net.AddNode("b");
            var worker = Worker(b, self => Task.CompletedTask);
            net.After(TimeSpan.FromSeconds(1), b.Dispose);
            return await a.RunAsync(self => Watchdog.WatchAsync(self, AsSeenFromAnotherNode(b, worker)));
        }, seed: 1);
        Assert.Equal(new RemoteEnd.ConnectionLost(), run.Result);
    }

    private sealed record SimulatedNetworkCase(Otp.Distribution.Simulation.SimulatedNetwork Net, Process Self, Pid Worker);
}
