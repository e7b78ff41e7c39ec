using System.Text.RegularExpressions;
using Otp.Conformance.Tests.Harness;

namespace Otp.Conformance.Tests;

/// <summary>spawn, spawn_link, spawn_monitor, self, how processes end, pids, message order.</summary>
public class ProcessesConformanceTests
{
    private sealed record MyPid(Pid Pid);
    private sealed record Msg(int N);
    private sealed record Got(int N);
    private sealed record Numbered(string Sender, int N);
    private sealed record Caught(Atom Error)
    {
        public override string ToString() => $"{{caught,{Error}}}";
    }

    [Fact]
    public Task spawn_and_self() => Scenario.CheckAsync("processes/spawn_and_self", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var parent = self.Self;
            var child = self.Spawn(async me => me.Send(parent, new MyPid(me.Self)));
            obs.Add($"spawn returned a pid: {Show.Term(child is not null)}");
            var reported = await self.Receive<MyPid>();
            obs.Add($"child's self() is the pid spawn returned: {Show.Term(reported.Pid == child)}");
            obs.Add($"child and parent differ: {Show.Term(child != parent)}");
            obs.Add($"parent's self() is stable: {Show.Term(self.Self == parent)}");
            var second = self.Spawn(async _ => { });
            obs.Add($"two spawns, two pids: {Show.Term(second != child)}");
        }));

    [Fact]
    public Task pid_format() => Scenario.CheckAsync("processes/pid_format", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var p = self.Spawn(async _ => { });
            obs.Add(Show.Term(p));
            obs.Add($"the text is a pid: {Show.Term(Regex.IsMatch(p.ToString(), @"^<0\.[0-9]+\.0>$"))}");
            self.TrapExit = true;
            var l = self.SpawnLink(async _ => { });
            obs.Add(Show.Term(await self.Receive<ExitSignal>(e => e.From == l)));
            var (m, r) = self.SpawnMonitor(async me => me.Exit(ExitReason.Of("bye")));
            obs.Add(Show.Term(await self.Receive<Down>(d => d.Ref.Equals(r) && d.Item.Equals(m))));
            obs.Add(Show.Term(self.MakeRef()));
        }));

    [Fact]
    public Task normal_exit() => Scenario.CheckAsync("processes/normal_exit", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            async Task Report(string what, Func<Process, Task> body)
            {
                var (_, r) = self.SpawnMonitor(body);
                var down = await self.Receive<Down>(d => d.Ref.Equals(r));
                obs.Add($"{what}: {Show.Term(down.Reason)}");
            }
            await Report("body returned", async _ => { });
            await Report("exit(normal)", async me => me.Exit(ExitReason.Normal));
            await Report("exit(shutdown)", async me => me.Exit(ExitReason.Shutdown));
            await Report("exit({shutdown,tired})", async me => me.Exit(new ExitReason((new Atom("shutdown"), new Atom("tired")))));

            var (p, r) = self.SpawnMonitor(async me => await me.Receive(m => m is "stop"));
            obs.Add($"alive while waiting: {Show.Term(node.IsAlive(p))}");
            self.Send(p, "stop");
            await self.Receive<Down>(d => d.Ref.Equals(r));
            obs.Add($"alive after returning: {Show.Term(node.IsAlive(p))}");
        }));

    [Fact]
    public Task error_exit() => Scenario.CheckAsync("processes/error_exit", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var (_, r) = self.SpawnMonitor(async _ => throw new ErlangErrorException("boom"));
            var down = await self.Receive<Down>(d => d.Ref.Equals(r));
            obs.Add($"error(boom): {down.Reason.Head}");
            obs.Add($"the reason carries more than the error: {Show.Term(down.Reason.Exception is ErlangErrorException)}");

            var (_, r2) = self.SpawnMonitor(async me => me.Send("no_such_name", "hello"));
            obs.Add($"send to a free name: {(await self.Receive<Down>(d => d.Ref.Equals(r2))).Reason.Head}");

            var parent = self.Self;
            var (_, r3) = self.SpawnMonitor(async me =>
            {
                Caught result;
                try { throw new ErlangErrorException("boom"); }
                catch (ErlangErrorException e) { result = new Caught(e.Reason); }
                me.Send(parent, result);
            });
            obs.Add(Show.Term(await self.Receive<Caught>()));
            obs.Add($"after catching: {(await self.Receive<Down>(d => d.Ref.Equals(r3))).Reason}");
        }));

    [Fact]
    public Task spawn_link() => Scenario.CheckAsync("processes/spawn_link", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            self.TrapExit = true;
            var ok = self.SpawnLink(async _ => { });
            obs.Add($"child returned: {(await self.Receive<ExitSignal>(e => e.From == ok)).Reason}");
            var crash = self.SpawnLink(async _ => throw new ErlangErrorException("boom"));
            obs.Add($"child crashed at once: {(await self.Receive<ExitSignal>(e => e.From == crash)).Reason.Head}");

            var root = self.Self;
            var (parent, r) = self.SpawnMonitor(async me =>
            {
                me.Send(me.SpawnLink(async c =>
                {
                    await c.Receive(m => m is "go");
                    c.Exit(ExitReason.Of("child_failed"));
                }), "go");
                await me.Receive(m => m is "never");
                me.Send(root, "survived");
            });
            obs.Add($"non-trapping parent: {(await self.Receive<Down>(d => d.Ref.Equals(r))).Reason}");
        }));

    [Fact]
    public Task spawn_monitor() => Scenario.CheckAsync("processes/spawn_monitor", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var (pid, r) = self.SpawnMonitor(async me => me.Exit(ExitReason.Of("bye")));
            var down = await self.Receive<Down>();
            obs.Add($"same ref: {Show.Term(down.Ref.Equals(r))}");
            obs.Add($"same pid: {Show.Term(down.Item.Equals(pid))}");
            obs.Add($"reason: {down.Reason}");

            var (pid2, r2) = self.SpawnMonitor(async me => await me.Receive(m => m is "stop"));
            obs.Add($"no DOWN while alive: {Show.Term(self.Flush())}");
            self.Send(pid2, "stop");
            obs.Add($"after stop: {(await self.Receive<Down>(d => d.Ref.Equals(r2))).Reason}");
            obs.Add($"linked to the child: {Show.Term(node.LinksOf(self.Self).Contains(pid2))}");
        }));

    [Fact]
    public Task message_order() => Scenario.CheckAsync("processes/message_order", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var receiver = self.Spawn(async me =>
            {
                while (true)
                {
                    switch (await me.Receive())
                    {
                        case Msg m: me.Send(self.Self, new Got(m.N)); break;
                        case "stop": me.Send(self.Self, "done"); return;
                    }
                }
            });
            for (var n = 1; n <= 5; n++) self.Send(receiver, new Msg(n));
            self.Send(receiver, "stop");
            while (true)
            {
                switch (await self.Receive())
                {
                    case Got g: obs.Add($"got {g.N}"); break;
                    case "done": obs.Add("done"); return;
                }
            }
        }));

    [Fact]
    public Task message_order_many_senders() => Scenario.CheckAsync("processes/message_order_many_senders", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var root = self.Self;
            foreach (var s in new[] { "a", "b", "c" })
                self.Spawn(async me =>
                {
                    for (var n = 1; n <= 20; n++) me.Send(root, new Numbered(s, n));
                });
            var all = new List<Numbered>();
            for (var i = 0; i < 60; i++) all.Add(await self.Receive<Numbered>());
            foreach (var s in new[] { "a", "b", "c" })
                obs.Add($"{s}: [{string.Join(",", all.Where(m => m.Sender == s).Select(m => m.N))}]");
            obs.Add($"nothing else: {Show.Term(self.Flush())}");
        }));

    [Fact]
    public void the_comparison_can_fail()
    {
        // The harness must report a difference, or no conformance test means anything.
        var ex = Assert.ThrowsAny<Exception>(() => Scenario.AssertSame("self-test", ["got 1", "got 2"], ["got 2", "got 1"]));
        Assert.Contains("differs from Erlang", ex.Message);
    }
}
