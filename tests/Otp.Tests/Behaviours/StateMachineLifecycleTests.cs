using Otp.Behaviours;

namespace Otp.Tests.Behaviours;

/// <summary>Stop, terminate, registered names and zero timeouts of the state machine, beyond what
/// the conformance scenarios compare with gen_statem.</summary>
public class StateMachineLifecycleTests
{
    /// <summary>Counts casts; "crash" throws; "leave" stops; terminate writes to the log and, if
    /// asked to, crashes too.</summary>
    private sealed class Counter(List<string> log, bool terminateCrashes = false) : StateMachine<string, int>
    {
        public override StateMachineResult<string, int> Init() => Next("counting", 0);

        public override StateMachineResult<string, int> HandleEvent(StateMachineEvent ev, string state, int n) => ev.Content switch
        {
            "crash" => throw new InvalidOperationException("crashed on purpose"),
            "leave" => Stop("left", n),
            _ => Keep(n + 1),
        };

        public override void Terminate(ExitReason reason, string state, int n)
        {
            log.Add($"terminate {reason.Head} in {state} with {n}");
            if (terminateCrashes) throw new ExitException("terminate_failed");
        }
    }

    [Fact]
    public async Task StopRunsTerminateAndTheMachineEndsNormally()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var pid = await StateMachine.StartAsync(node, new Counter(log));
        StateMachine.Cast(node, pid, "x");
        await StateMachine.StopAsync(node, pid);
        Assert.Equal(["terminate normal in counting with 1"], log);
        Assert.Equal(ExitReason.Normal, await node.WaitForExitAsync(pid));
    }

    [Fact]
    public async Task ACrashInAnEventRunsTerminateWithTheCrash()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var pid = await StateMachine.StartAsync(node, new Counter(log));
        StateMachine.Cast(node, pid, "crash");
        var reason = await node.WaitForExitAsync(pid);
        Assert.IsType<InvalidOperationException>(reason.Exception);
        Assert.Equal(["terminate InvalidOperationException in counting with 0"], log);
    }

    [Fact]
    public async Task ACrashInTerminateReplacesTheReason()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var pid = await StateMachine.StartAsync(node, new Counter(log, terminateCrashes: true));
        // The caller asked for normal and learns what really happened.
        var ex = await Assert.ThrowsAsync<ExitException>(() => StateMachine.StopAsync(node, pid));
        Assert.Equal("terminate_failed", ex.Reason.ToString());
        Assert.Single(log);
    }

    [Fact]
    public async Task AStopResultRunsTerminateWithItsReason()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var pid = await StateMachine.StartAsync(node, new Counter(log));
        StateMachine.Cast(node, pid, "leave");
        Assert.Equal("left", (await node.WaitForExitAsync(pid)).ToString());
        Assert.Equal(["terminate left in counting with 0"], log);
    }

    [Fact]
    public async Task ASecondStartUnderATakenNameFailsAndLeavesTheFirstRunning()
    {
        using var node = Node.StartDeterministic();
        var first = await StateMachine.StartAsync(node, new Counter([]), name: "counter");
        var ex = await Assert.ThrowsAsync<StartFailedException>(() => StateMachine.StartAsync(node, new Counter([]), name: "counter"));
        Assert.Equal((new Atom("already_started"), (object)first), ex.Reason.Term);
        StateMachine.Cast(node, "counter", "x");
        Assert.Equal(("counting", 1), await StateMachine.GetStateAsync<string, int>(node, "counter"));
        Assert.Equal(first, node.WhereIs("counter"));
    }

    [Fact]
    public async Task ANameIsFreedWhenInitFails()
    {
        using var node = Node.StartDeterministic();
        await Assert.ThrowsAsync<StartFailedException>(() => StateMachine.StartAsync(node, new FailsInInit(), name: "flaky"));
        Assert.Null(node.WhereIs("flaky"));
        await StateMachine.StartAsync(node, new Counter([]), name: "flaky");
        Assert.NotNull(node.WhereIs("flaky"));
    }

    private sealed class FailsInInit : StateMachine<string, int>
    {
        public override StateMachineResult<string, int> Init() => throw new ExitException("no_luck");
        public override StateMachineResult<string, int> HandleEvent(StateMachineEvent ev, string state, int data) => Keep(data);
    }

    [Fact]
    public async Task AStoppedLinkedCallerIsNotHurt()
    {
        using var node = Node.StartDeterministic();
        var alive = await node.RunAsync(async self =>
        {
            var pid = await StateMachine.StartLinkAsync(self, new Counter([]));
            await StateMachine.StopAsync(self, pid);
            return !self.HasExited && !self.IsAlive(pid);
        });
        Assert.True(alive);
    }

    /// <summary>The dog the issue was about: it barks from a zero state timeout set in init.</summary>
    private sealed class ZeroDog(List<string> log) : StateMachine<string, int>
    {
        public override StateMachineResult<string, int> Init() => Next("barking", 0, StateMachineAction.StateTimeout(TimeSpan.Zero, "bark"));

        public override StateMachineResult<string, int> HandleEvent(StateMachineEvent ev, string state, int n)
        {
            log.Add($"{state}: {ev}");
            return (ev.Type, ev.Content, state) switch
            {
                (StateMachineEventType.StateTimeout, "bark", "barking") => Keep(n + 1),
                (StateMachineEventType.Cast, "pet", "barking") => Next("wagging", n),
                _ => Keep(n),
            };
        }
    }

    [Fact]
    public async Task StartThenPetBackToBackDoesNotLoseTheFirstBark()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var state = await node.RunAsync(async self =>
        {
            var dog = await StateMachine.StartLinkAsync(self, new ZeroDog(log));
            StateMachine.Cast(self, dog, "pet");
            return await StateMachine.GetStateAsync<string, int>(self, dog);
        });
        Assert.Equal(["barking: state_timeout \"bark\"", "barking: cast \"pet\""], log);
        Assert.Equal(("wagging", 1), state);
    }

    [Fact]
    public async Task ACallByAnUnknownNameExitsWithGenStatemsShape()
    {
        using var node = Node.StartDeterministic();
        var ex = await Assert.ThrowsAsync<ExitException>(() => StateMachine.CallAsync(node, "nobody", "hi"));
        Assert.Equal("{noproc,{gen_statem,call,[nobody,\"hi\",infinity]}}", ex.Reason.ToString());
        var stop = await Assert.ThrowsAsync<ExitException>(() => StateMachine.StopAsync(node, "nobody"));
        Assert.Equal(ExitReason.NoProc, stop.Reason);
    }
}
