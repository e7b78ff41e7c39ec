using Otp.Behaviours;
using Otp.Conformance.Tests.Harness;

namespace Otp.Conformance.Tests;

/// <summary>GenServer and Supervisor against gen_server and supervisor in Erlang/OTP: the same
/// scenarios, the same printed lines (Scenarios/behaviours/*.escript).</summary>
public class BehavioursConformanceTests
{
    private static readonly Atom Hello = new("hello");

    /// <summary>The Erlang scenarios' server: its state is its kind (or id), and it prints in
    /// terminate and for exit messages, as the escripts do.</summary>
    private sealed class Printer(string id, Observations obs, bool trap = false) : GenServer<string>
    {
        protected override ValueTask<string> InitAsync()
        {
            Self.TrapExit = trap;
            if (trap || id is "steady" or "flaky" or "a" or "b" or "c" or "plain") obs.Add($"start {id}");
            return ValueTask.FromResult(id);
        }

        protected override async ValueTask<ServerResult<string>> HandleCallAsync(object request, From from, string state)
        {
            switch (request)
            {
                case (Atom { Name: "sleep" }, int ms):
                    await Self.Sleep(TimeSpan.FromMilliseconds(ms));
                    return Reply(new Atom("slept"), state);
                case Atom { Name: "stop_me" }:
                    return Stop(ExitReason.Of("boom"), state);
                case Atom { Name: "exit_now" }:
                    Self.Exit(ExitReason.Of("bang"));
                    return NoReply(state);
                default:
                    return Reply(new Atom("ok"), state);
            }
        }

        protected override ValueTask<ServerResult<string>> HandleCastAsync(object request, string state) => request switch
        {
            (Atom { Name: "stop" }, ExitReason reason) => Stop(reason, state),
            Atom { Name: "crash" } => Stop(ExitReason.Of("crashed"), state),
            _ => NoReply(state),
        };

        protected override ValueTask<ServerResult<string>> HandleInfoAsync(object message, string state)
        {
            if (message is ExitSignal e) obs.Add($"{state} got an exit message: {e.Reason}");
            return NoReply(state);
        }

        protected override async ValueTask TerminateAsync(ExitReason reason, string state)
        {
            if (state == "slow")
            {
                obs.Add($"slow terminate begins: {reason}");
                await Self.Sleep(TimeSpan.FromMilliseconds(500));
                obs.Add("slow terminate ends");
                return;
            }
            obs.Add(state is "slow_kind" or "stopper" or "crasher" or "trapper" ? $"{state} terminate{(state == "trapper" ? "" : "s")}: {reason}" : $"stop {state} {reason}");
        }
    }

    private static string Caught(ExitException ex) => $"{{'EXIT',{ex.Reason}}}";

    private static async Task<string> CatchCall(Func<ValueTask<object>> call)
    {
        try
        {
            return Terms.Term.Format(await call());
        }
        catch (ExitException ex)
        {
            return Caught(ex);
        }
    }

    [Fact]
    public Task GenServerCallFailures() => Scenario.CheckAsync("behaviours/gen_server_call_failures", async (node, obs) =>
    {
        await node.RunAsync(async self =>
        {
            obs.Add(await CatchCall(() => GenServer.CallAsync(self, "nobody", Hello)));

            var dead = self.Spawn(_ => Task.CompletedTask);
            await self.Sleep(TimeSpan.FromMilliseconds(10));
            var ex = await Assert.ThrowsAsync<ExitException>(async () => await GenServer.CallAsync(self, dead, Hello));
            obs.Add($"dead pid: {ex.Reason.Head}");

            await GenServer.StartAsync(self, new Printer("slow_kind", obs), "slow");
            obs.Add(await CatchCall(() => GenServer.CallAsync(self, "slow", (new Atom("sleep"), 200), TimeSpan.FromMilliseconds(100))));
            await self.Sleep(TimeSpan.FromMilliseconds(300));
            obs.Add($"mailbox after the late reply: {Terms.Term.Format(self.PeekMessages())}");
            obs.Add(Terms.Term.Format(await GenServer.CallAsync(self, "slow", (new Atom("sleep"), 0))));

            await GenServer.StartAsync(self, new Printer("stopper", obs), "stopper");
            obs.Add(await CatchCall(() => GenServer.CallAsync(self, "stopper", new Atom("stop_me"))));
            await GenServer.StartAsync(self, new Printer("crasher", obs), "crasher");
            obs.Add(await CatchCall(() => GenServer.CallAsync(self, "crasher", new Atom("exit_now"), Timeout.InfiniteTimeSpan)));
            obs.Add($"mailbox at the end: {Terms.Term.Format(self.PeekMessages())}");
        });
    });

    private static ChildSpec Worker(string id, Observations obs, bool trap = true, Restart restart = Restart.Permanent) =>
        new(id, self => GenServer.StartLinkAsync(self, new Printer(id, obs, trap), id)) { Restart = restart };

    private static async Task<string> Children(Process self, Pid sup) =>
        "[" + string.Join(",", (await Supervisor.WhichChildrenAsync(self, sup)).Select(c => $"{{{c.Id},{(c.Pid is null ? "false" : "true")}}}")) + "]";

    private static async Task ShutDown(Process self, Pid sup, Observations obs)
    {
        self.Exit(sup, ExitReason.Shutdown);
        var exit = await self.Receive<ExitSignal>(e => e.From == sup);
        obs.Add($"supervisor exit: {exit.Reason}");
    }

    [Fact]
    public Task RestartStrategies() => Scenario.CheckAsync("behaviours/restart_strategies", async (node, obs) =>
    {
        await node.RunAsync(async self =>
        {
            self.TrapExit = true;
            var crashed = (new Atom("stop"), ExitReason.Of("crashed"));
            foreach (var (strategy, name) in new[] { (RestartStrategy.OneForOne, "one_for_one"), (RestartStrategy.OneForAll, "one_for_all"), (RestartStrategy.RestForOne, "rest_for_one") })
            {
                obs.Add($"-- {name}");
                var sup = await Supervisor.StartLinkAsync(self, new SupervisorSpec(strategy, [Worker("a", obs), Worker("b", obs), Worker("c", obs)]) { Intensity = 5, Period = TimeSpan.FromSeconds(10) });
                GenServer.Cast(self, "b", crashed);
                await self.Sleep(TimeSpan.FromMilliseconds(50));
                obs.Add($"children: {await Children(self, sup)}");
                await ShutDown(self, sup, obs);
            }

            obs.Add("-- restart types");
            var mixed = await Supervisor.StartLinkAsync(self, new SupervisorSpec(RestartStrategy.OneForOne,
                [Worker("a", obs), Worker("b", obs, restart: Restart.Transient), Worker("c", obs, restart: Restart.Temporary)]) { Intensity = 5, Period = TimeSpan.FromSeconds(10) });
            GenServer.Cast(self, "b", (new Atom("stop"), ExitReason.Normal));
            GenServer.Cast(self, "c", crashed);
            await self.Sleep(TimeSpan.FromMilliseconds(50));
            obs.Add($"children: {await Children(self, mixed)}");
            GenServer.Cast(self, "a", (new Atom("stop"), ExitReason.Normal));
            await self.Sleep(TimeSpan.FromMilliseconds(50));
            obs.Add($"children: {await Children(self, mixed)}");
            await ShutDown(self, mixed, obs);
        });
    });

    [Fact]
    public Task TrapExitInsideASupervisor() => Scenario.CheckAsync("behaviours/trap_exit_in_supervisor", async (node, obs) =>
    {
        await node.RunAsync(async self =>
        {
            self.TrapExit = true;
            var sup = await Supervisor.StartLinkAsync(self, new SupervisorSpec(RestartStrategy.OneForOne,
            [
                Worker("trapper", obs),
                Worker("plain", obs, trap: false),
                Worker("slow", obs) with { Shutdown = ChildShutdown.After(TimeSpan.FromMilliseconds(100)) },
            ]) { Intensity = 5, Period = TimeSpan.FromSeconds(10) });
            self.Exit(node.WhereIs("trapper")!, ExitReason.Of("hello"));
            await self.Sleep(TimeSpan.FromMilliseconds(10));
            self.Exit(node.WhereIs("trapper")!, ExitReason.Kill);
            await self.Sleep(TimeSpan.FromMilliseconds(10));
            var watch = new[] { "trapper", "plain", "slow" }.Select(id => (id, self.Monitor(node.WhereIs(id)!))).ToList();
            await ShutDown(self, sup, obs);
            foreach (var (id, r) in watch)
                obs.Add($"{id} ended: {(await self.Receive<Down>(d => d.Ref == r)).Reason}");
        });
    });

    [Fact]
    public Task RestartIntensityExceeded() => Scenario.CheckAsync("behaviours/restart_intensity", async (node, obs) =>
    {
        await node.RunAsync(async self =>
        {
            self.TrapExit = true;
            var sup = await Supervisor.StartLinkAsync(self, new SupervisorSpec(RestartStrategy.OneForOne,
                [Worker("steady", obs), Worker("flaky", obs)]) { Intensity = 2, Period = TimeSpan.FromSeconds(10) });
            for (var n = 1; n <= 3; n++)
            {
                obs.Add($"crash {n}");
                GenServer.Cast(self, "flaky", new Atom("crash"));
                await self.Sleep(TimeSpan.FromMilliseconds(20));
            }
            var exit = await self.Receive<ExitSignal>(e => e.From == sup);
            obs.Add($"supervisor exit: {exit.Reason}");
            obs.Add($"steady alive: {(node.WhereIs("steady") is not null ? "true" : "false")}");
        });
    });
}
