using Otp.Conformance.Tests.Harness;

namespace Otp.Conformance.Tests;

/// <summary>monitor of pids and names, DOWN reasons, noproc, demonitor with flush, several monitors.</summary>
public class MonitorsConformanceTests
{
    private sealed record Ping(Pid From);
    private sealed record WatchedEnded(string Head);

    [Fact]
    public Task down_reasons() => Scenario.CheckAsync("monitors/down_reasons", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var p = self.Spawn(async me => await me.Receive(m => m is "stop"));
            var r = self.Monitor(p);
            obs.Add($"monitor returns a reference: {Show.Term(r is not null)}");
            self.Send(p, "stop");
            obs.Add(Show.Term(await self.Receive<Down>(d => d.Ref.Equals(r))));

            async Task Report(string what, Func<Process, Task> body, Action<Pid> then)
            {
                var q = self.Spawn(async me => { await me.Receive(m => m is "go"); await body(me); });
                var rq = self.Monitor(q);
                self.Send(q, "go");
                then(q);
                obs.Add($"{what}: {(await self.Receive<Down>(d => d.Ref.Equals(rq))).Reason.Head}");
            }
            await Report("exit(foo)", async me => me.Exit(ExitReason.Of("foo")), _ => { });
            await Report("error(boom)", async _ => throw new ErlangErrorException("boom"), _ => { });
            await Report("killed", async me => await me.Receive(m => m is "never"), q => self.Exit(q, ExitReason.Kill));
            await Report("exit(Q, custom)", async me => await me.Receive(m => m is "never"), q => self.Exit(q, ExitReason.Of("custom")));
        }));

    [Fact]
    public Task monitor_name() => Scenario.CheckAsync("monitors/monitor_name", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            node.Register("service", self.Spawn(async me =>
            {
                await me.Receive(m => m is "stop");
                me.Exit(ExitReason.Of("done"));
            }));
            var r = self.Monitor("service");
            self.Send("service", "stop");
            var down = await self.Receive<Down>(d => d.Ref.Equals(r));
            obs.Add(Show.Term(down));
            obs.Add($"item: {Show.Term(down.Item)}, reason: {down.Reason}");
        }));

    [Fact]
    public Task monitor_noproc() => Scenario.CheckAsync("monitors/monitor_noproc", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var (dead, r0) = self.SpawnMonitor(async _ => { });
            await self.Receive<Down>(d => d.Ref.Equals(r0));
            var r = self.Monitor(dead);
            obs.Add($"dead pid: {(await self.Receive<Down>(d => d.Ref.Equals(r) && d.Item.Equals(dead))).Reason}");
            var r2 = self.Monitor("nobody");
            obs.Add($"free name: {Show.Term(await self.Receive<Down>(d => d.Ref.Equals(r2)))}");
            obs.Add($"mailbox: {Show.Term(self.Flush())}");
        }));

    [Fact]
    public Task demonitor_flush() => Scenario.CheckAsync("monitors/demonitor_flush", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var a = self.Spawn(async me => await me.Receive(m => m is "stop"));
            var ra = self.Monitor(a);
            obs.Add($"active monitor removed: {Show.Term(self.Demonitor(ra))}");
            self.Send(a, "stop");
            var r = await self.Receive(m => m is Down d && d.Ref.Equals(ra), TimeSpan.FromMilliseconds(100));
            obs.Add($"after the process ended: {(r is null ? "no_down" : "down")}");

            var (_, rb) = self.SpawnMonitor(async _ => { });
            await self.UntilQueuedAsync(1);
            obs.Add($"without flush: {Show.Term(self.Demonitor(rb))}");
            obs.Add($"mailbox: {Show.Term(self.Flush())}");

            var (_, rc) = self.SpawnMonitor(async _ => { });
            await self.UntilQueuedAsync(1);
            obs.Add($"with flush: {Show.Term(self.Demonitor(rc, flush: true))}");
            obs.Add($"mailbox: {Show.Term(self.Flush())}");

            var d = self.Spawn(async me => await me.Receive(m => m is "stop"));
            var rd = self.Monitor(d);
            obs.Add($"flush on an active monitor: {Show.Term(self.Demonitor(rd, flush: true))}");
            obs.Add($"again: {Show.Term(self.Demonitor(rd, flush: true))}");
        }));

    [Fact]
    public Task watcher_survives() => Scenario.CheckAsync("monitors/watcher_survives", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var root = self.Self;
            var watcher = self.Spawn(async me =>
            {
                var (_, r) = me.SpawnMonitor(async _ => throw new ErlangErrorException("boom"));
                me.Send(root, new WatchedEnded((await me.Receive<Down>(d => d.Ref.Equals(r))).Reason.Head));
                me.Send((await me.Receive<Ping>()).From, "pong");
            });
            obs.Add($"watched ended: {(await self.Receive<WatchedEnded>()).Head}");
            self.Send(watcher, new Ping(root));
            await self.Receive(m => m is "pong");
            obs.Add("watcher still answers");

            var target = self.Spawn(async me => me.Send((await me.Receive<Ping>()).From, "pong"));
            var (_, r2) = self.SpawnMonitor(async me =>
            {
                me.Monitor(target);
                me.Send(root, "watching");
                me.Exit(ExitReason.Of("watcher_crashed"));
            });
            await self.Receive(m => m is "watching");
            obs.Add($"watcher ended: {(await self.Receive<Down>(d => d.Ref.Equals(r2))).Reason}");
            self.Send(target, new Ping(root));
            await self.Receive(m => m is "pong");
            obs.Add("target still answers");
        }));

    [Fact]
    public Task two_monitors() => Scenario.CheckAsync("monitors/two_monitors", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var p = self.Spawn(async me => await me.Receive(m => m is "stop"));
            var r1 = self.Monitor(p);
            var r2 = self.Monitor(p);
            obs.Add($"different references: {Show.Term(!r1.Equals(r2))}");
            self.Send(p, "stop");
            obs.Add($"second: {(await self.Receive<Down>(d => d.Ref.Equals(r2))).Reason}");
            obs.Add($"first: {(await self.Receive<Down>(d => d.Ref.Equals(r1))).Reason}");
            obs.Add($"nothing more: {Show.Term(self.Flush())}");

            var q = self.Spawn(async me => await me.Receive(m => m is "stop"));
            var s1 = self.Monitor(q);
            var s2 = self.Monitor(q);
            self.Demonitor(s1);
            self.Send(q, "stop");
            obs.Add($"the one left: {(await self.Receive<Down>(d => d.Ref.Equals(s2))).Reason}");
            obs.Add($"nothing more: {Show.Term(self.Flush())}");
        }));

    [Fact]
    public Task link_and_monitor_order() => Scenario.CheckAsync("monitors/link_and_monitor_order", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            self.TrapExit = true;
            var p = self.Spawn(async me => { await me.Receive(m => m is "go"); me.Exit(ExitReason.Of("boom")); });
            self.Monitor(p);
            self.Link(p);
            self.Send(p, "go");
            await self.UntilQueuedAsync(2);
            obs.Add(Show.Term(self.Flush().Select(m => m switch
            {
                ExitSignal => new Atom("EXIT"),
                Down => new Atom("DOWN"),
                _ => m,
            })));
        }));
}
