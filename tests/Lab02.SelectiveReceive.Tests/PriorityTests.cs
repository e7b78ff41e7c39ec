namespace Lab02.SelectiveReceive.Tests;

public class PriorityTests
{
    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_TheClassicInputGivesHighHighLowLow()
    {
        var run = await Lab.RunAsync(async self =>
        {
            self.Node.Trace!.Label(self.Self, "test");
            foreach (var job in new[] { new Job(15, "high"), new Job(7, "low"), new Job(1, "low"), new Job(17, "high") })
                self.Send(self.Self, job);
            return await Priority.DrainAsync(self, 10);
        });
        Assert.Equal(["high", "high", "low", "low"], run.Result);
        await Verify(TraceText.WithoutTimeouts(run.Trace));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_EachGroupKeepsItsArrivalOrder()
    {
        var run = await Lab.RunAsync(async self =>
        {
            foreach (var job in new[] { new Job(15, "a"), new Job(7, "b"), new Job(10, "c"), new Job(17, "d"), new Job(1, "e"), new Job(11, "f") })
                self.Send(self.Self, job);
            return await Priority.DrainAsync(self, 10);
        });
        // 10 is not above the threshold 10.
        Assert.Equal(["a", "d", "f", "b", "c", "e"], run.Result);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_OtherMessagesStayAndNothingWaits()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var start = self.Node.Time.GetUtcNow();
            self.Send(self.Self, "first note");
            self.Send(self.Self, new Job(3, "low"));
            self.Send(self.Self, "second note");
            self.Send(self.Self, new Job(30, "high"));
            self.SendAfter(TimeSpan.FromSeconds(1), self.Self, new Job(99, "too late"));
            var taken = await Priority.DrainAsync(self, 10);
            return (taken, left: self.PeekMessages(), waited: self.Node.Time.GetUtcNow() - start);
        });
        Assert.Equal(["high", "low"], run.Result.taken);
        Assert.Equal(["first note", "second note"], run.Result.left);
        Assert.Equal(TimeSpan.Zero, run.Result.waited);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_AnEmptyMailboxGivesNothing()
    {
        var run = await Lab.RunAsync(self => Priority.DrainAsync(self, 10));
        Assert.Empty(run.Result);
    }
}
