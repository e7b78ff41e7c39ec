using System.Text;

namespace Lab02.SelectiveReceive.Tests;

public class SaveQueueMailboxTests
{
    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_TakesTheFirstMatchAndKeepsTheRestInOrder()
    {
        var box = new SaveQueueMailbox<int>();
        foreach (var n in new[] { 1, 2, 3, 4, 5, 6 }) box.Post(n);
        var log = new StringBuilder();
        void Take(string what, Func<int, bool> match)
        {
            var ok = box.TryReceive(match, out var got);
            log.Append($"{what,-10} -> {(ok ? got.ToString() : "none"),-4} looked at {box.LastScan}, left [{string.Join(",", box.Messages)}] ({box.Count})\n");
        }
        Take("even", n => n % 2 == 0);
        Take("above 4", n => n > 4);
        Take("above 10", n => n > 10);
        Take("any", _ => true);
        Take("even", n => n % 2 == 0);
        Take("even", n => n % 2 == 0);
        Take("any", _ => true);
        Take("any", _ => true);
        Take("any", _ => true);
        await Verify(log.ToString());
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public void Task3_AMatchAtTheEndLeavesEveryOtherMessageInPlace()
    {
        var box = new SaveQueueMailbox<string>();
        for (var i = 0; i < 1000; i++) box.Post($"junk {i}");
        box.Post("wanted");
        box.Post("after");
        Assert.True(box.TryReceive(m => m == "wanted", out var got));
        Assert.Equal("wanted", got);
        Assert.Equal(1001, box.LastScan);
        Assert.Equal([.. Enumerable.Range(0, 1000).Select(i => $"junk {i}"), "after"], box.Messages);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public void Task3_AnEmptyMailboxHasNothingToGive()
    {
        var box = new SaveQueueMailbox<string>();
        Assert.False(box.TryReceive(_ => true, out _));
        Assert.Equal(0, box.LastScan);
        Assert.Equal(0, box.Count);
        Assert.Empty(box.Messages);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public void Task3_MessagesIsACopy()
    {
        var box = new SaveQueueMailbox<int>();
        box.Post(1);
        var seen = box.Messages;
        box.Post(2);
        Assert.Equal([1], seen);
        Assert.Equal([1, 2], box.Messages);
    }
}
