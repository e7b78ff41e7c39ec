using Otp.Behaviours;
using Otp.Conformance.Tests.Harness;

namespace Otp.Conformance.Tests;

/// <summary>The state machine's timeouts and postponed events, compared with gen_statem.</summary>
public class StateMachineConformanceTests
{
    private static readonly Atom Code = new("code"), Knock = new("knock"), Lock = new("lock"), Close = new("close"),
        IdleCheck = new("idle_check"), Idle = new("idle"), Noise = new("noise");

    /// <summary>The Erlang scenario's door: the data counts the events seen.</summary>
    private sealed class Door(Observations obs) : StateMachine<string, int>
    {
        public override StateMachineResult<string, int> Init() => Next("locked", 0);

        public override StateMachineResult<string, int> HandleEvent(StateMachineEvent ev, string state, int seen)
        {
            obs.Add($"{state}: {ev}");
            var n = seen + 1;
            return (ev.Type, ev.Content, state) switch
            {
                (StateMachineEventType.Cast, Atom { Name: "code" }, "locked") => Next("open", n, StateMachineAction.StateTimeout(TimeSpan.FromMilliseconds(200), Lock)),
                (StateMachineEventType.Cast, Atom { Name: "knock" }, "open") => Keep(n, StateMachineAction.Postpone),
                (StateMachineEventType.StateTimeout, Atom { Name: "lock" }, "open") => Next("locked", n),
                (StateMachineEventType.Cast, Atom { Name: "close" }, "open") => Next("locked", n),
                (StateMachineEventType.Cast, Atom { Name: "idle_check" }, "locked") => Keep(n, StateMachineAction.EventTimeout(TimeSpan.FromMilliseconds(100), Idle)),
                _ => Keep(n),
            };
        }
    }

    [Fact]
    public Task TimeoutsAndPostponedEventsFollowGenStatem() => Scenario.CheckAsync("statemachine/timeouts_and_postpone", async (node, obs) =>
    {
        await node.RunAsync(async self =>
        {
            var door = await StateMachine.StartAsync(self, new Door(obs));
            void C(object e) => StateMachine.Cast(self, door, e);
            C(Code); C(Knock); C((Noise, 1)); C(Knock);
            await self.Sleep(TimeSpan.FromMilliseconds(400));
            C(IdleCheck); C((Noise, 2));
            await self.Sleep(TimeSpan.FromMilliseconds(300));
            C(IdleCheck); await StateMachine.GetStateAsync<string, int>(self, door);
            await self.Sleep(TimeSpan.FromMilliseconds(300));
            C(Code); C(Close);
            await self.Sleep(TimeSpan.FromMilliseconds(400));
            var (state, seen) = await StateMachine.GetStateAsync<string, int>(self, door);
            obs.Add($"state {state} after {seen} events");
        });
    });
}
