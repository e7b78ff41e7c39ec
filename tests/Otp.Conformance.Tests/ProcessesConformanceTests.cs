using Otp.Conformance.Tests.Harness;

namespace Otp.Conformance.Tests;

public class ProcessesConformanceTests
{
    private sealed record Msg(int N);
    private sealed record Got(int N);

    [Fact]
    public Task MessagesFromOneSenderArriveInOrder() => Scenario.CheckAsync("processes/message_order", async (node, obs) =>
    {
        await node.RunAsync(async self =>
        {
            var receiver = self.Spawn(async me =>
            {
                while (true)
                {
                    switch (await me.Receive())
                    {
                        case Msg m: me.Send(self.Self, new Got(m.N)); break;
                        case "stop": me.Send(self.Self, "done"); return;
                    }
                }
            });
            for (var n = 1; n <= 5; n++) self.Send(receiver, new Msg(n));
            self.Send(receiver, "stop");
            while (true)
            {
                switch (await self.Receive())
                {
                    case Got g: obs.Add($"got {g.N}"); break;
                    case "done": obs.Add("done"); return;
                }
            }
        });
    });

    [Fact]
    public void TheComparisonCanFail()
    {
        // The harness must report a difference, or no conformance test means anything.
        var ex = Assert.ThrowsAny<Exception>(() => Scenario.AssertSame("self-test", ["got 1", "got 2"], ["got 2", "got 1"]));
        Assert.Contains("differs from Erlang", ex.Message);
    }
}
