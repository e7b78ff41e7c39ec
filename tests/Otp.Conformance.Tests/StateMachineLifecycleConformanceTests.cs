using Otp.Behaviours;
using Otp.Conformance.Tests.Harness;

namespace Otp.Conformance.Tests;

/// <summary>The state machine's life from outside: stop and terminate, a registered name, and
/// zero timeouts, compared with gen_statem.</summary>
public class StateMachineLifecycleConformanceTests
{
    private static readonly Atom Closed = new("closed"), Open = new("open"), Counting = new("counting");

    /// <summary>What the machines say, kept until the scenario prints it, as the Erlang machines
    /// send {log, Line} to the scenario's process, which prints them when it chooses.</summary>
    private sealed class Log
    {
        private readonly List<string> _lines = [];

        public void Add(string line) => _lines.Add(line);

        public void PrintTo(Observations obs)
        {
            foreach (var line in _lines) obs.Add(line);
            _lines.Clear();
        }
    }

    /// <summary>Erlang's machine of stop_and_terminate: the data counts events.</summary>
    private sealed class Door(Log log) : StateMachine<Atom, int>
    {
        public override StateMachineResult<Atom, int> Init() => Next(Closed, 0);

        public override StateMachineResult<Atom, int> HandleEvent(StateMachineEvent ev, Atom state, int n) => (ev.Type, ev.Content, state.Name) switch
        {
            (StateMachineEventType.Cast, Atom { Name: "open" }, "closed") => Next(Open, n + 1),
            (StateMachineEventType.Cast, Atom { Name: "leave" }, _) => Stop(ExitReason.Normal, n + 100),
            (StateMachineEventType.Cast, Atom { Name: "bang" }, _) => throw new ExitException("bang"),
            _ => Keep(n + 1),
        };

        public override void Terminate(ExitReason reason, Atom state, int n) => log.Add($"terminate {reason} in {state} with {n}");
    }

    [Fact]
    public Task StopEndsTheMachineNormallyAfterItsTerminate() => Scenario.CheckAsync("statemachine/stop_and_terminate", async (node, obs) =>
    {
        await node.RunAsync(async self =>
        {
            var log = new Log();
            async Task Down(Ref monitor) => obs.Add($"down: {(await self.Receive<Down>(d => d.Ref == monitor)).Reason}");

            var a = await StateMachine.StartLinkAsync(self, new Door(log));
            StateMachine.Cast(self, a, Open);
            StateMachine.Cast(self, a, new Atom("noise"));
            await StateMachine.StopAsync(self, a);
            obs.Add("stop: ok");
            log.PrintTo(obs);
            obs.Add($"alive after stop: {Show.Term(self.IsAlive(a))}, caller alive: {Show.Term(self.IsAlive(self.Self))}");
            obs.Add($"stop again: {await Caught(() => StateMachine.StopAsync(self, a))}");

            var b = await StateMachine.StartAsync(self, new Door(log));
            var mb = self.Monitor(b);
            await StateMachine.StopAsync(self, b, new ExitReason((new Atom("shutdown"), new Atom("bye"))), Timeout.InfiniteTimeSpan);
            obs.Add("stop/3: ok");
            log.PrintTo(obs);
            await Down(mb);

            var c = await StateMachine.StartAsync(self, new Door(log));
            var mc = self.Monitor(c);
            StateMachine.Cast(self, c, Open);
            StateMachine.Cast(self, c, new Atom("leave"));
            await self.Sleep(TimeSpan.FromMilliseconds(50));
            log.PrintTo(obs);
            await Down(mc);

            var d = await StateMachine.StartAsync(self, new Door(log));
            var md = self.Monitor(d);
            StateMachine.Cast(self, d, new Atom("bang"));
            await self.Sleep(TimeSpan.FromMilliseconds(50));
            log.PrintTo(obs);
            await Down(md);
        });
    });

    /// <summary>Erlang's machine of registered_name: counts bumps, answers reads.</summary>
    private sealed class Counter(Node node, Log log) : StateMachine<Atom, int>
    {
        public override StateMachineResult<Atom, int> Init()
        {
            // Only the start that took the name gets here, and the name is already taken (by it).
            log.Add($"init sees its name: {Show.Term(node.WhereIs("counter") is not null)}");
            return Next(Counting, 0);
        }

        public override StateMachineResult<Atom, int> HandleEvent(StateMachineEvent ev, Atom state, int n) => (ev.Type, ev.Content) switch
        {
            (StateMachineEventType.Cast, Atom { Name: "bump" }) => Keep(n + 1),
            (StateMachineEventType.Call, Atom { Name: "read" }) => Keep(n, StateMachineAction.Reply(ev.From!, n)),
            _ => throw new InvalidOperationException($"no clause for {ev}"),
        };

        public override void Terminate(ExitReason reason, Atom state, int n) => log.Add($"terminate {reason} in {state} with {n}");
    }

    [Fact]
    public Task ANameIsTakenBeforeInitAndServesEveryCall() => Scenario.CheckAsync("statemachine/registered_name", async (node, obs) =>
    {
        await node.RunAsync(async self =>
        {
            var log = new Log();
            var me = self.Self;
            for (var i = 0; i < 2; i++)
                self.Spawn(async p =>
                {
                    object result;
                    try
                    {
                        await StateMachine.StartAsync(p, new Counter(node, log), name: "counter");
                        result = new Atom("ok");
                    }
                    catch (StartFailedException e) when (e.Reason.Term is (Atom { Name: "already_started" }, var holder))
                    {
                        result = (new Atom("already_started"), holder is Pid);
                    }
                    p.Send(me, ("started", result));
                });
            var results = new List<object>();
            for (var i = 0; i < 2; i++)
                results.Add((await self.Receive<(string, object)>(m => m.Item1 == "started")).Item2);
            log.PrintTo(obs);
            // Erlang's term order: an atom sorts before a tuple.
            obs.Add($"starts: {Show.Term(results.OrderBy(r => r is Atom ? 0 : 1).ToList())}");
            obs.Add($"whereis: {Show.Term(node.WhereIs("counter"))}");
            var bump = new Atom("bump");
            var read = new Atom("read");
            StateMachine.Cast(self, "counter", bump);
            StateMachine.Cast(self, "counter", bump);
            obs.Add($"call: {Show.Term(await StateMachine.CallAsync(self, "counter", read))}");
            obs.Add($"get_state: {Show.Term(await StateMachine.GetStateAsync<Atom, int>(self, "counter"))}");
            await StateMachine.StopAsync(self, "counter");
            obs.Add("stop: ok");
            log.PrintTo(obs);
            obs.Add($"whereis after stop: {Show.Term(node.WhereIs("counter"))}");
            StateMachine.Cast(self, "counter", bump);
            obs.Add("cast: ok");
            obs.Add($"call: {await Caught(() => StateMachine.CallAsync(self, "counter", read))}");
            obs.Add($"call with timeout: {await Caught(() => StateMachine.CallAsync(self, "counter", read, TimeSpan.FromMilliseconds(100)))}");
            obs.Add($"get_state: {await Caught(() => StateMachine.GetStateAsync<Atom, int>(self, "counter"))}");
            obs.Add($"stop: {await Caught(() => StateMachine.StopAsync(self, "counter"))}");
        });
    });

    /// <summary>Erlang's machine of zero_timeouts: logs every event it gets.</summary>
    private sealed class Zero(Log log) : StateMachine<Atom, int>
    {
        private static readonly Atom Barking = new("barking"), Waiting = new("waiting"), OpenState = new("open"), Inside = new("inside");

        public override StateMachineResult<Atom, int> Init() => Next(Barking, 0, StateMachineAction.StateTimeout(TimeSpan.Zero, new Atom("bark")));

        public override StateMachineResult<Atom, int> HandleEvent(StateMachineEvent ev, Atom state, int n)
        {
            log.Add($"{state}: {ev.Type switch { StateMachineEventType.StateTimeout => "state_timeout", StateMachineEventType.EventTimeout => "timeout", var t => t.ToString().ToLowerInvariant() }} {Show.Term(ev.Content)}");
            n++;
            return (ev.Type, ((Atom)ev.Content).Name, state.Name) switch
            {
                (StateMachineEventType.Cast, "pet", "barking") => Next(Waiting, n),
                (StateMachineEventType.Cast, "both", "waiting") => Keep(n, StateMachineAction.EventTimeout(TimeSpan.Zero, new Atom("ev0")), StateMachineAction.StateTimeout(TimeSpan.Zero, new Atom("st0"))),
                (StateMachineEventType.Cast, "knock", "waiting") => Keep(n, StateMachineAction.Postpone),
                (StateMachineEventType.Cast, "open", "waiting") => Next(OpenState, n, StateMachineAction.StateTimeout(TimeSpan.Zero, new Atom("st_open")), StateMachineAction.EventTimeout(TimeSpan.Zero, new Atom("ev_open"))),
                (StateMachineEventType.Cast, "knock", "open") => Next(Inside, n),
                (StateMachineEventType.Cast, "replace", _) => Keep(n, StateMachineAction.StateTimeout(TimeSpan.Zero, new Atom("st_zero")), StateMachineAction.StateTimeout(TimeSpan.FromMilliseconds(50), new Atom("st_fifty"))),
                _ => Keep(n),
            };
        }
    }

    [Fact]
    public Task AZeroTimeoutComesBeforeTheMailbox() => Scenario.CheckAsync("statemachine/zero_timeouts", async (node, obs) =>
    {
        await node.RunAsync(async self =>
        {
            var log = new Log();
            var p = await StateMachine.StartAsync(self, new Zero(log));
            // Back to back, no sleeps: every cast is in the mailbox before the machine runs again.
            foreach (var e in new[] { "pet", "both", "noise", "knock", "knock", "open", "after_open", "replace", "noise" })
                StateMachine.Cast(self, p, new Atom(e));
            obs.Add($"state: {Show.Term(await StateMachine.GetStateAsync<Atom, int>(self, p))}");
            await self.Sleep(TimeSpan.FromMilliseconds(100));
            log.PrintTo(obs);
        });
    });

    /// <summary>Erlang's machine of parent_exit: logs info exits and its terminate.</summary>
    private sealed class Child(Log log, bool trap) : StateMachine<Atom, int>
    {
        public override StateMachineResult<Atom, int> Init()
        {
            Self.TrapExit = trap;
            return Next(Idle, 0);
        }

        public override StateMachineResult<Atom, int> HandleEvent(StateMachineEvent ev, Atom state, int n)
        {
            switch (ev.Type, ev.Content)
            {
                case (StateMachineEventType.Call, (Atom { Name: "link" }, Pid other)):
                    Self.Link(other);
                    return Keep(n + 1, StateMachineAction.Reply(ev.From!, new Atom("ok")));
                case (StateMachineEventType.Info, ExitSignal exit):
                    log.Add($"info: exit {exit.Reason}");
                    return Keep(n + 1);
                default:
                    return Keep(n + 1);
            }
        }

        public override void Terminate(ExitReason reason, Atom state, int n) => log.Add($"terminate {reason} in {state} with {n}");
    }

    private static readonly Atom Idle = new("idle");

    [Fact]
    public Task TheParentsExitEndsATrappingMachineThroughTerminate() => Scenario.CheckAsync("statemachine/parent_exit", async (node, obs) =>
    {
        await node.RunAsync(async self =>
        {
            var log = new Log();
            async Task Down(Ref monitor) => obs.Add($"down: {(await self.Receive<Down>(d => d.Ref == monitor)).Reason}");

            // The parent starts the machine with a link, reports it, then exits when told to.
            async Task<(Pid Parent, Pid Machine)> StartUnderParent(bool trap)
            {
                var me = self.Self;
                var parent = self.Spawn(async p =>
                {
                    var m = await StateMachine.StartLinkAsync(p, new Child(log, trap));
                    p.Send(me, ("started", p.Self, m));
                    var (_, reason) = await p.Receive<(string, ExitReason)>(x => x.Item1 == "exit");
                    p.Exit(reason);
                });
                var (_, _, machine) = await self.Receive<(string, Pid, Pid)>(x => x.Item1 == "started" && x.Item2 == parent);
                return (parent, machine);
            }

            var (p1, a) = await StartUnderParent(trap: true);
            var ma = self.Monitor(a);
            self.Send(p1, ("exit", ExitReason.Shutdown));
            await Down(ma);
            log.PrintTo(obs);

            var (p2, b) = await StartUnderParent(trap: true);
            var stranger = self.Spawn(async s =>
            {
                await s.Receive<Atom>(x => x.Name == "go");
                s.Exit(ExitReason.Of("tired"));
            });
            await StateMachine.CallAsync(self, b, (new Atom("link"), stranger));
            self.Send(stranger, new Atom("go"));
            await self.Sleep(TimeSpan.FromMilliseconds(50));
            log.PrintTo(obs);
            obs.Add($"alive after a stranger's exit: {Show.Term(self.IsAlive(b))}");
            var mb = self.Monitor(b);
            self.Send(p2, ("exit", ExitReason.Normal));
            await Down(mb);
            log.PrintTo(obs);

            var (p3, c) = await StartUnderParent(trap: false);
            var mc = self.Monitor(c);
            self.Send(p3, ("exit", ExitReason.Shutdown));
            await Down(mc);
            log.PrintTo(obs);
            obs.Add("done");
        });
    });

    /// <summary>What <c>catch Expr</c> prints for a call that exits: <c>{'EXIT',Reason}</c>.</summary>
    private static async Task<string> Caught(Func<Task> call)
    {
        try
        {
            await call();
            return "ok";
        }
        catch (ExitException e)
        {
            return $"{{'EXIT',{Show.Mask(e.Reason.ToString())}}}";
        }
    }
}
