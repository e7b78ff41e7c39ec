using Lab01.Processes;

namespace Lab01.Processes.Tests;

public class CounterTests
{
    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_CounterIsFoundByNameAndCounts()
    {
        var run = await Lab.RunAsync(async self =>
        {
            self.Node.Trace!.Label(self.Self, "test");
            var pid = Counter.Start(self);
            var registered = self.Node.WhereIs(Counter.Name);
            Counter.Increment(self);
            Counter.Increment(self, 2);
            Counter.Increment(self, 3);
            var value = await Counter.GetAsync(self);
            return (pid, registered, value);
        });
        Assert.Equal(run.Result.pid, run.Result.registered);
        Assert.Equal(6, run.Result.value);
        await Verify(run.Trace);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_SendingToANameNobodyHasIsBadarg()
    {
        var run = await Lab.RunAsync(self =>
        {
            var ex = Record.Exception(() => Counter.Increment(self));
            return Task.FromResult(ex);
        });
        var error = run.Result switch
        {
            BadArgException badarg => badarg,
            null => throw new Xunit.Sdk.XunitException(
                "Counter.Increment returned normally although no counter was started: sending to a name nobody has must fail with badarg (BadArgException)."),
            var other => throw other,
        };
        Assert.Equal("badarg", error.Reason.ToString());
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_ASecondCounterCannotTakeTheName()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var first = Counter.Start(self);
            var second = Record.Exception(() => Counter.Start(self));
            Counter.Increment(self, 5);
            return (first, second, owner: self.Node.WhereIs(Counter.Name), value: await Counter.GetAsync(self));
        });
        _ = run.Result.second switch
        {
            BadArgException badarg => badarg,
            null => throw new Xunit.Sdk.XunitException(
                "A second Counter.Start succeeded: registering a name that is taken must fail with badarg (BadArgException)."),
            var other => throw other,
        };
        Assert.Equal(run.Result.first, run.Result.owner);
        Assert.Equal(5, run.Result.value);
    }
}
