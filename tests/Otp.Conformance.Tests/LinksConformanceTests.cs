using Otp.Conformance.Tests.Harness;

namespace Otp.Conformance.Tests;

/// <summary>link, unlink, exit/2, trap_exit, kill, noproc, chains of links.</summary>
public class LinksConformanceTests
{
    private sealed record Ping(Pid From);
    private sealed record Saw(ExitReason Why);
    private sealed record Trapped(bool FromMe, ExitReason Why);
    private sealed record Member(Pid Pid);
    private sealed record Last(Pid Pid);
    private sealed record SelfLink(IReadOnlyList<Pid> Links);
    private sealed record Twice(int AfterTwoLinks, int AfterOneUnlink);

    [Fact]
    public Task error_propagates() => Scenario.CheckAsync("links/error_propagates", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            async Task Report(string what, Action<Process> crash)
            {
                var root = self.Self;
                var b = self.Spawn(async me => { await me.Receive(m => m is "go"); crash(me); });
                var (a, ra) = self.SpawnMonitor(async me =>
                {
                    me.Link(b);
                    me.Send(root, "linked");
                    await me.Receive(m => m is "never");
                });
                await self.Receive(m => m is "linked");
                var rb = self.Monitor(b);
                self.Send(b, "go");
                obs.Add($"{what}, the crasher: {(await self.Receive<Down>(d => d.Ref.Equals(rb))).Reason.Head}");
                obs.Add($"{what}, its partner: {(await self.Receive<Down>(d => d.Ref.Equals(ra))).Reason.Head}");
            }
            await Report("error(boom)", _ => throw new ErlangErrorException("boom"));
            await Report("exit(fatal)", me => me.Exit(ExitReason.Of("fatal")));
        }));

    [Fact]
    public Task normal_exit_does_not_propagate() => Scenario.CheckAsync("links/normal_exit_does_not_propagate", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var root = self.Self;
            var b = self.Spawn(async me => await me.Receive(m => m is "go"));
            var a = self.Spawn(async me =>
            {
                me.Link(b);
                me.Send(root, "linked");
                while (true) me.Send((await me.Receive<Ping>()).From, "pong");
            });
            await self.Receive(m => m is "linked");
            var rb = self.Monitor(b);
            self.Send(b, "go");
            obs.Add($"partner ended: {(await self.Receive<Down>(d => d.Ref.Equals(rb))).Reason}");
            self.Send(a, new Ping(self.Self));
            await self.Receive(m => m is "pong");
            obs.Add("still answers: pong");
            self.Exit(a, ExitReason.Normal);
            self.Send(a, new Ping(self.Self));
            await self.Receive(m => m is "pong");
            obs.Add("after exit(A, normal): pong");
            obs.Add($"alive: {Show.Term(node.IsAlive(a))}");
        }));

    [Fact]
    public Task trap_exit() => Scenario.CheckAsync("links/trap_exit", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            // process_flag(trap_exit, true) returns the old value.
            obs.Add($"trap_exit was: {Show.Term(self.TrapExit)}");
            self.TrapExit = true;
            obs.Add($"trap_exit was: {Show.Term(self.TrapExit)}");
            self.TrapExit = true;
            var n = self.SpawnLink(async _ => { });
            var m1 = await self.Receive<ExitSignal>(e => e.From == n);
            obs.Add($"{Show.Term(m1)} (normal: {Show.Term(m1.Reason.IsNormal)})");
            var s = self.SpawnLink(async me => me.Exit(ExitReason.Shutdown));
            obs.Add(Show.Term(await self.Receive<ExitSignal>(e => e.From == s)));
            var e = self.SpawnLink(async _ => throw new ErlangErrorException("boom"));
            obs.Add($"error: {(await self.Receive<ExitSignal>(x => x.From == e)).Reason.Head}");
            obs.Add($"still here: {Show.Term(node.IsAlive(self.Self))}");
        }));

    [Fact]
    public Task exit_2() => Scenario.CheckAsync("links/exit_2", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var root = self.Self;
            var a = self.Spawn(async me => await me.Receive(m => m is "never"));
            var ra = self.Monitor(a);
            obs.Add($"exit(A, foo): {Show.Outcome(() => self.Exit(a, ExitReason.Of("foo")))}");
            obs.Add($"A ended: {(await self.Receive<Down>(d => d.Ref.Equals(ra))).Reason}");

            var b = self.Spawn(async me =>
            {
                while (true) me.Send((await me.Receive<Ping>()).From, "pong");
            });
            self.Exit(b, ExitReason.Normal);
            self.Send(b, new Ping(root));
            await self.Receive(m => m is "pong");
            obs.Add($"B ignored normal: {Show.Term(node.IsAlive(b))}");

            var t = self.Spawn(async me =>
            {
                me.TrapExit = true;
                me.Send(root, "trapping");
                for (var i = 0; i < 2; i++)
                {
                    var x = await me.Receive<ExitSignal>();
                    me.Send(root, new Trapped(x.From == root, x.Reason));
                }
            });
            await self.Receive(m => m is "trapping");
            self.Exit(t, ExitReason.Normal);
            self.Exit(t, ExitReason.Of("foo"));
            for (var i = 0; i < 2; i++)
            {
                var got = await self.Receive<Trapped>();
                obs.Add($"T got 'EXIT' from me: {Show.Term(got.FromMe)}, {got.Why}");
            }
            var (dead, rd) = self.SpawnMonitor(async _ => { });
            await self.Receive<Down>(d => d.Ref.Equals(rd));
            obs.Add($"exit(Dead, foo): {Show.Outcome(() => self.Exit(dead, ExitReason.Of("foo")))}");
        }));

    [Fact]
    public Task exit_self() => Scenario.CheckAsync("links/exit_self", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var root = self.Self;
            var (_, r) = self.SpawnMonitor(async me =>
            {
                me.Exit(me.Self, ExitReason.Normal);
                me.Send(root, "still_running");
            });
            obs.Add($"not trapping, ended: {(await self.Receive<Down>(d => d.Ref.Equals(r))).Reason}");
            obs.Add($"mailbox: {Show.Term(self.Flush())}");
            var (_, rt) = self.SpawnMonitor(async me =>
            {
                me.TrapExit = true;
                me.Exit(me.Self, ExitReason.Normal);
                var x = await me.Receive<ExitSignal>();
                me.Send(root, new Trapped(x.From == me.Self, x.Reason));
            });
            var got = await self.Receive<Trapped>();
            obs.Add($"trapping, got 'EXIT' from itself: {Show.Term(got.FromMe)}, {got.Why}");
            obs.Add($"then ended: {(await self.Receive<Down>(d => d.Ref.Equals(rt))).Reason}");
            var (_, rk) = self.SpawnMonitor(async me =>
            {
                me.TrapExit = true;
                me.Exit(me.Self, ExitReason.Kill);
                me.Send(root, "still_running");
            });
            obs.Add($"exit(self(), kill) while trapping: {(await self.Receive<Down>(d => d.Ref.Equals(rk))).Reason}");
            obs.Add($"mailbox: {Show.Term(self.Flush())}");
        }));

    [Fact]
    public Task kill_untrappable() => Scenario.CheckAsync("links/kill_untrappable", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var root = self.Self;
            var victim = self.Spawn(async me =>
            {
                me.TrapExit = true;
                me.Send(root, "ready");
                await me.Receive(m => m is "never");
            });
            await self.Receive(m => m is "ready");
            await LinkPartnersAndRun(self, victim, () => self.Exit(victim, ExitReason.Kill), obs, "victim ended");
        }));

    [Fact]
    public Task exit_kill_reason() => Scenario.CheckAsync("links/exit_kill_reason", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var p = self.Spawn(async me =>
            {
                await me.Receive(m => m is "go");
                me.Exit(ExitReason.Kill);
            });
            await LinkPartnersAndRun(self, p, () => self.Send(p, "go"), obs, "monitor saw");
        }));

    /// <summary>Links a trapping and a non-trapping partner to <paramref name="target"/>, monitors
    /// it, runs <paramref name="end"/>, and reports what each of them saw.</summary>
    private static async Task LinkPartnersAndRun(Process self, Pid target, Action end, Observations obs, string first)
    {
        var root = self.Self;
        self.Spawn(async me =>
        {
            me.TrapExit = true;
            me.Link(target);
            me.Send(root, "linked");
            me.Send(root, new Saw((await me.Receive<ExitSignal>(x => x.From == target)).Reason));
        });
        await self.Receive(m => m is "linked");
        var (partner, rp) = self.SpawnMonitor(async me =>
        {
            me.Link(target);
            me.Send(root, "linked");
            await me.Receive(m => m is "never");
        });
        await self.Receive(m => m is "linked");
        var r = self.Monitor(target);
        end();
        obs.Add($"{first}: {(await self.Receive<Down>(d => d.Ref.Equals(r))).Reason}");
        obs.Add($"trapping partner got: {(await self.Receive<Saw>()).Why}");
        obs.Add($"non-trapping partner ended: {(await self.Receive<Down>(d => d.Ref.Equals(rp))).Reason}");
    }

    [Fact]
    public Task link_noproc() => Scenario.CheckAsync("links/link_noproc", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var (dead, r) = self.SpawnMonitor(async _ => { });
            await self.Receive<Down>(d => d.Ref.Equals(r));
            obs.Add($"not trapping: {Show.Outcome(() => self.Link(dead))}");
            self.TrapExit = true;
            obs.Add($"trapping: {Show.Outcome(() => self.Link(dead))}");
            var x = await self.Receive<ExitSignal>();
            obs.Add($"then 'EXIT' from it: {Show.Term(x.From == dead)}, {x.Reason}");
            obs.Add($"linked: {Show.Term(node.LinksOf(self.Self).Contains(dead))}");
        }));

    [Fact]
    public Task unlink() => Scenario.CheckAsync("links/unlink", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var root = self.Self;
            var b = self.Spawn(async me => { await me.Receive(m => m is "go"); me.Exit(ExitReason.Of("boom")); });
            var (a, ra) = self.SpawnMonitor(async me =>
            {
                me.Link(b);
                me.Unlink(b);
                me.Send(root, "unlinked");
                me.Send((await me.Receive<Ping>()).From, "pong");
            });
            await self.Receive(m => m is "unlinked");
            var rb = self.Monitor(b);
            self.Send(b, "go");
            obs.Add($"partner ended: {(await self.Receive<Down>(d => d.Ref.Equals(rb))).Reason}");
            self.Send(a, new Ping(root));
            await self.Receive(m => m is "pong");
            obs.Add("unlinked process survived");
            obs.Add($"then ended: {(await self.Receive<Down>(d => d.Ref.Equals(ra))).Reason}");

            self.TrapExit = true;
            var c = self.SpawnLink(async me => { await me.Receive(m => m is "go"); me.Exit(ExitReason.Of("boom")); });
            obs.Add($"unlink: {Show.Outcome(() => self.Unlink(c))}");
            obs.Add($"unlink again: {Show.Outcome(() => self.Unlink(c))}");
            var rc = self.Monitor(c);
            self.Send(c, "go");
            obs.Add($"other partner ended: {(await self.Receive<Down>(d => d.Ref.Equals(rc))).Reason}");
            obs.Add($"mailbox: {Show.Term(self.Flush())}");
        }));

    [Fact]
    public Task link_self_and_twice() => Scenario.CheckAsync("links/link_self_and_twice", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var root = self.Self;
            self.Spawn(async me =>
            {
                me.Link(me.Self);
                me.Send(root, new SelfLink(node.LinksOf(me.Self)));
            });
            obs.Add($"link(self()): true, links: {Show.Term((await self.Receive<SelfLink>()).Links)}");
            var b = self.Spawn(async me => await me.Receive(m => m is "never"));
            self.Spawn(async me =>
            {
                me.Link(b);
                me.Link(b);
                var afterTwo = node.LinksOf(me.Self).Count;
                me.Unlink(b);
                me.Send(root, new Twice(afterTwo, node.LinksOf(me.Self).Count));
            });
            var twice = await self.Receive<Twice>();
            obs.Add($"links after linking twice: {twice.AfterTwoLinks}, after one unlink: {twice.AfterOneUnlink}");
        }));

    [Fact]
    public Task chain() => Scenario.CheckAsync("links/chain", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var root = self.Self;
            var head = self.Spawn(async me =>
            {
                me.TrapExit = true;
                var next = me.SpawnLink(member => Chain(member, root, 999));
                me.Send(root, new Saw((await me.Receive<ExitSignal>(x => x.From == next)).Reason));
            });
            var pids = new List<Pid>();
            for (var i = 0; i < 999; i++) pids.Add((await self.Receive<Member>()).Pid);
            var refs = pids.Select(self.Monitor).ToList();
            self.Send((await self.Receive<Last>()).Pid, "go");
            var reasons = new List<ExitReason>();
            foreach (var r in refs) reasons.Add((await self.Receive<Down>(d => d.Ref.Equals(r))).Reason);
            obs.Add($"ended: {reasons.Count}, reasons: [{string.Join(",", reasons.Distinct())}]");
            var saw = await self.Receive<Saw>();
            obs.Add($"the first got: {saw.Why}, alive: {Show.Term(node.IsAlive(head))}");
        }));

    [Fact]
    public Task message_then_exit_order() => Scenario.CheckAsync("links/message_then_exit_order", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            static object Kind(object m) => m switch
            {
                ExitSignal x => (new Atom("EXIT"), x.Reason),
                Down d => (new Atom("DOWN"), d.Reason),
                _ => m,
            };
            self.TrapExit = true;
            var root = self.Self;
            var p = self.SpawnLink(async me =>
            {
                await me.Receive(m => m is "go");
                me.Send(root, new Atom("one"));
                me.Send(root, new Atom("two"));
                me.Exit(ExitReason.Of("done"));
            });
            self.Send(p, "go");
            await self.UntilQueuedAsync(3);
            obs.Add($"linked: {Show.Term(self.Flush().Select(Kind))}");
            var (q, _) = self.SpawnMonitor(async me =>
            {
                await me.Receive(m => m is "go");
                me.Send(root, new Atom("one"));
                me.Send(root, new Atom("two"));
            });
            self.Send(q, "go");
            await self.UntilQueuedAsync(3);
            obs.Add($"monitoring: {Show.Term(self.Flush().Select(Kind))}");
        }));

    private sealed record CallerGot(ExitReason Why)
    {
        public override string ToString() => $"{{caller_got,{Why}}}";
    }

    [Fact]
    public Task exit_2_to_a_partner() => Scenario.CheckAsync("links/exit_2_to_a_partner", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            async Task Report(string what, bool trap, ExitReason reason)
            {
                var root = self.Self;
                var (_, r) = self.SpawnMonitor(async me =>
                {
                    me.TrapExit = trap;
                    var w = me.SpawnLink(async x => await x.Receive(m => m is "never"));
                    me.Exit(w, reason);
                    me.Send(root, new CallerGot((await me.Receive<ExitSignal>(x => x.From == w)).Reason));
                });
                obs.Add($"{what}: caller ended {(await self.Receive<Down>(d => d.Ref.Equals(r))).Reason}");
                obs.Add($"{what}: mailbox {Show.Term(self.Flush())}");
            }
            await Report("caller not trapping, exit(W, foo)", false, ExitReason.Of("foo"));
            await Report("caller trapping, exit(W, foo)", true, ExitReason.Of("foo"));
            await Report("caller not trapping, exit(W, kill)", false, ExitReason.Kill);
        }));

    private static async Task Chain(Process me, Pid root, int n)
    {
        me.Send(root, new Member(me.Self));
        if (n == 1)
        {
            me.Send(root, new Last(me.Self));
            await me.Receive(m => m is "go");
            me.Exit(ExitReason.Of("chain_broken"));
        }
        me.SpawnLink(next => Chain(next, root, n - 1));
        await me.Receive(m => m is "never");
    }
}
