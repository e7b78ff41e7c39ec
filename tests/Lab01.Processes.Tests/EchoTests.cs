using Lab01.Processes;

namespace Lab01.Processes.Tests;

public class EchoTests
{
    private readonly Func<Process, Pid> start;
    private readonly Func<Process, Pid, string, Task<string>> ask;

    /// <summary>The tests of your <see cref="Echo"/>.</summary>
    public EchoTests() : this(Echo.Start, Echo.AskAsync) { }

    /// <summary>The same tests on another implementation: tests/Labs.Alternatives.Tests runs them on
    /// wrong answers, which must fail.</summary>
    protected EchoTests(Func<Process, Pid> start, Func<Process, Pid, string, Task<string>> ask) => (this.start, this.ask) = (start, ask);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_EchoRepliesToTheSender()
    {
        var run = await Lab.RunAsync(async self =>
        {
            self.Node.Trace!.Label(self.Self, "test");
            var echo = start(self);
            self.Node.Trace.Label(echo, "echo");
            self.Send(echo, new EchoRequest(self.Self, "hello"));
            var reply = await self.Receive(_ => true, Patience) ?? "no reply within 1 s";
            return (Expected: new EchoReply(echo, "hello"), Actual: reply);
        });
        Assert.Equal(run.Result.Expected, run.Result.Actual);
        await Verify(run.Trace);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_EachClientGetsItsOwnAnswer()
    {
        var run = await Lab.RunAsync(async self =>
        {
            self.Node.Trace!.Label(self.Self, "test");
            var echo = start(self);
            self.Node.Trace.Label(echo, "echo");
            foreach (var name in new[] { "ann", "bob" })
            {
                var parent = self.Self;
                var client = self.Spawn(async me =>
                {
                    var text = await ask(me, echo, $"hi from {name}");
                    me.Send(parent, $"{name} got: {text}");
                });
                self.Node.Trace.Label(client, name);
            }
            var answers = new List<string>();
            for (var i = 0; i < 2; i++)
                answers.Add(await self.Receive(_ => true, Patience) as string ?? "no answer within 1 s");
            return answers;
        });
        Assert.Equal(["ann got: hi from ann", "bob got: hi from bob"], run.Result.Order());
        // ann and bob run independently: each process's own events count, not how the scheduler
        // interleaved them, nor in which order the two answers reached the test.
        await Verify(TraceText.AnyOrder(TraceText.PerProcess(run.Trace), l => l.Contains("test receives ", StringComparison.Ordinal)));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_EchoIgnoresOtherMessagesAndEndsNormallyOnStop()
    {
        var run = await Lab.RunAsync(async self =>
        {
            self.Node.Trace!.Label(self.Self, "test");
            var echo = start(self);
            self.Node.Trace.Label(echo, "echo");
            var monitor = self.Monitor(echo);
            self.Send(echo, "not a request");
            var again = await ask(self, echo, "again");
            self.Send(echo, new StopEcho());
            var down = await self.Receive(m => m is Down d && d.Ref == monitor, Patience);
            return (again, down);
        });
        Assert.Equal("again", run.Result.again);
        var down = Assert.IsType<Down>(run.Result.down);
        Assert.Equal(ExitReason.Normal, down.Reason);
        await Verify(run.Trace);
    }
}
