using Otp.Behaviours;

namespace Otp.Tests.Behaviours;

public class StateMachineTests
{
    /// <summary>A door: locked/open; a code opens it, and it locks itself again after 10 s in the
    /// open state; "knock" in the open state is postponed until it is locked; an event timeout of
    /// 3 s without any event in the locked state logs "idle".</summary>
    private sealed class Door(List<string> log) : StateMachine<string, int>
    {
        public override StateMachineResult<string, int> Init() => Next("locked", 0, StateMachineAction.EventTimeout(TimeSpan.FromSeconds(3), "idle"));

        public override StateMachineResult<string, int> HandleEvent(StateMachineEvent ev, string state, int opened)
        {
            log.Add($"{state}: {ev}");
            return (ev.Type, ev.Content, state) switch
            {
                (StateMachineEventType.Cast, "code", "locked") => Next("open", opened + 1, StateMachineAction.StateTimeout(TimeSpan.FromSeconds(10), "lock")),
                (StateMachineEventType.Cast, "knock", "open") => Keep(opened, StateMachineAction.Postpone),
                (StateMachineEventType.StateTimeout, "lock", "open") => Next("locked", opened),
                (StateMachineEventType.Call, "opened?", _) => Keep(opened, StateMachineAction.Reply(ev.From!, opened)),
                (StateMachineEventType.Cast, "stop", _) => Stop(ExitReason.Normal, opened),
                (StateMachineEventType.EventTimeout, _, _) => Keep(opened),
                _ => Keep(opened),
            };
        }

        public override IReadOnlyList<StateMachineTransition<string>> Transitions =>
            [new("locked", "code", "open"), new("open", "10 s", "locked"), new("open", "knock (postponed)", "open")];
    }

    [Fact]
    public async Task StateAndDataAreSeparateAndVisibleFromOutside()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var door = await StateMachine.StartAsync(node, new Door(log));
        StateMachine.Cast(node, door, "code");
        Assert.Equal(("open", 1), await StateMachine.GetStateAsync<string, int>(node, door));
        Assert.Equal(1, await node.RunAsync(self => StateMachine.CallAsync(self, door, "opened?")));
    }

    [Fact]
    public async Task AStateTimeoutSurvivesEventsInTheSameStateAndFiresAfterItsTime()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var door = await StateMachine.StartAsync(node, new Door(log));
        StateMachine.Cast(node, door, "code");
        await node.RunForAsync(TimeSpan.FromSeconds(6));
        StateMachine.Cast(node, door, "noise");   // same state: the 10 s keep running
        await node.RunForAsync(TimeSpan.FromSeconds(3.5));
        Assert.Equal("open", (await StateMachine.GetStateAsync<string, int>(node, door)).State);
        await node.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.Equal("locked", (await StateMachine.GetStateAsync<string, int>(node, door)).State);
        Assert.Equal(["locked: cast \"code\"", "open: cast \"noise\"", "open: state_timeout \"lock\""], log);
    }

    [Fact]
    public async Task AChangeOfStateCancelsTheStateTimeout()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var door = await StateMachine.StartAsync(node, new Door(log));
        StateMachine.Cast(node, door, "code");
        StateMachine.Cast(node, door, "stop");
        Assert.Equal(ExitReason.Normal, await node.WaitForExitAsync(door));
        Assert.DoesNotContain(log, l => l.Contains("state_timeout"));
    }

    [Fact]
    public async Task AnyEventCancelsTheEventTimeoutButGetStateDoesNot()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var door = await StateMachine.StartAsync(node, new Door(log));
        await node.RunForAsync(TimeSpan.FromSeconds(2));
        await StateMachine.GetStateAsync<string, int>(node, door); // not an event
        await node.RunForAsync(TimeSpan.FromSeconds(1.5));
        Assert.Equal(["locked: timeout \"idle\""], log);

        // A second machine gets an event before its 3 s are up: no timeout ever.
        var log2 = new List<string>();
        var door2 = await StateMachine.StartAsync(node, new Door(log2));
        await node.RunForAsync(TimeSpan.FromSeconds(2));
        StateMachine.Cast(node, door2, "noise");
        await node.RunForAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["locked: cast \"noise\""], log2);
    }

    [Fact]
    public async Task PostponedEventsComeBackInOrderAfterAStateChange()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var door = await StateMachine.StartAsync(node, new Door(log));
        StateMachine.Cast(node, door, "code");
        StateMachine.Cast(node, door, "knock");
        await node.SettleAsync();
        StateMachine.Cast(node, door, new Knock(2));
        await node.RunForAsync(TimeSpan.FromSeconds(11));
        Assert.Equal(
            ["locked: cast \"code\"", "open: cast \"knock\"", "open: cast Knock { N = 2 }", "open: state_timeout \"lock\"", "locked: cast \"knock\""],
            log);
    }

    private sealed record Knock(int N);

    [Fact]
    public async Task ACallToADeadMachineExitsTheCaller()
    {
        using var node = Node.StartDeterministic();
        var door = await StateMachine.StartAsync(node, new Door([]));
        StateMachine.Cast(node, door, "stop");
        await node.WaitForExitAsync(door);
        var ex = await Assert.ThrowsAsync<ExitException>(() => node.RunAsync(self => StateMachine.CallAsync(self, door, "opened?")));
        Assert.Equal("noproc", ex.Reason.Head);
    }

    private sealed class Broken : StateMachine<string, int>
    {
        public override StateMachineResult<string, int> Init() => throw new InvalidOperationException("no first state");
        public override StateMachineResult<string, int> HandleEvent(StateMachineEvent ev, string state, int data) => Keep(data);
    }

    [Fact]
    public async Task StartWaitsForInitAndReportsItsFailure()
    {
        using var node = Node.StartDeterministic();
        var ex = await Assert.ThrowsAsync<StartFailedException>(() => node.RunAsync(self => StateMachine.StartAsync(self, new Broken()).AsTask()));
        Assert.IsType<InvalidOperationException>(ex.Reason.Exception);
        Assert.Contains("no first state", ex.Message);
    }

    [Fact]
    public void TheDiagramShowsEveryDeclaredTransition()
    {
        var diagram = new Door([]).Diagram("locked", "door");
        Assert.Equal("locked --code--> open\nopen --10 s--> locked\nopen --knock (postponed)--> open", diagram.Text);
        Assert.StartsWith("<svg", diagram.Svg);
        foreach (var label in new[] { ">locked<", ">open<", ">code<", ">10 s<", ">knock (postponed)<" })
            Assert.Contains(label, diagram.Svg);
        Assert.Equal("image/svg+xml", diagram.ToMimeBundle().Keys.First());
    }
}
