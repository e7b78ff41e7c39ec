namespace Lab02.SelectiveReceive.Tests;

public class RpcTests
{
    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_ReturnsTheServersAnswer()
    {
        var run = await Lab.RunAsync(async self =>
        {
            self.Node.Trace!.Label(self.Self, "test");
            var server = SlowServer.Start(self, TimeSpan.FromSeconds(1));
            self.Node.Trace.Label(server, "server");
            return await Rpc.CallAsync(self, server, "x", TimeSpan.FromSeconds(5));
        });
        Assert.Equal("done: \"x\"", run.Result);
        await Verify(TraceText.Stable(TraceText.Protocol(run.Trace)));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_ATimeoutGivesNullAndTheLateAnswerIsNeverTaken()
    {
        var run = await Lab.RunAsync(async self =>
        {
            self.Node.Trace!.Label(self.Self, "test");
            var server = SlowServer.Start(self, TimeSpan.FromMilliseconds(100));
            self.Node.Trace.Label(server, "server");
            self.Send(self.Self, "keep 1");
            var start = self.Node.Time.GetUtcNow();
            var slow = await Rpc.CallAsync(self, server, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));
            var gaveUpAt = self.Node.Time.GetUtcNow() - start;
            self.Send(self.Self, "keep 2");
            await self.Sleep(TimeSpan.FromSeconds(5));          // the late answer arrives meanwhile
            var fast = await Rpc.CallAsync(self, server, "fast", TimeSpan.FromSeconds(5));
            return (slow, gaveUpAt, fast, left: self.PeekMessages());
        });
        Assert.Null(run.Result.slow);
        Assert.Equal(TimeSpan.FromSeconds(1), run.Result.gaveUpAt);
        Assert.Equal("done: \"fast\"", run.Result.fast);
        Assert.Equal(["keep 1", "keep 2"], run.Result.left);
        await Verify(TraceText.Stable(TraceText.Protocol(run.Trace)));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_OnlyTheAnswerWithTheCallsTagCounts()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var tags = new List<Ref>();
            // A server that first answers with a forged tag, then with the right one.
            var server = self.Spawn(async me =>
            {
                while (true)
                {
                    var request = await me.Receive<Request>();
                    tags.Add(request.Tag);
                    me.Send(request.From, new Response(Ref.Make(), "forged"));
                    await me.Sleep(TimeSpan.FromMilliseconds(10));
                    me.Send(request.From, new Response(request.Tag, $"answer {tags.Count}"));
                }
            });
            var first = await Rpc.CallAsync(self, server, "one", TimeSpan.FromSeconds(1));
            var second = await Rpc.CallAsync(self, server, "two", TimeSpan.FromSeconds(1));
            return (first, second, tags, left: self.PeekMessages());
        });
        Assert.Equal("answer 1", run.Result.first);
        Assert.Equal("answer 2", run.Result.second);
        Assert.Equal(2, run.Result.tags.Distinct().Count());
        Assert.Empty(run.Result.left);
    }
}
