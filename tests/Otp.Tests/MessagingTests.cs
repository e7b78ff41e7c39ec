namespace Otp.Tests;

/// <summary>Sending and receiving between processes, on both kinds of node.</summary>
public class MessagingTests
{
    private static async Task<int> PingPong(Node node, int rounds) => await node.RunAsync(async self =>
    {
        var pong = self.Spawn(async me =>
        {
            while (true)
            {
                var p = await me.Receive<Ping>();
                if (p.N < 0) return;
                me.Send(p.From, new Pong(p.N));
            }
        });
        var sum = 0;
        for (var i = 0; i < rounds; i++)
        {
            self.Send(pong, new Ping(self.Self, i));
            sum += (await self.Receive<Pong>()).N;
        }
        self.Send(pong, new Ping(self.Self, -1));
        return sum;
    });

    [Fact]
    public async Task Ping_pong_on_a_deterministic_node()
    {
        using var node = Node.StartDeterministic();
        Assert.Equal(0 + 1 + 2, await PingPong(node, 3));
        Assert.Contains("receives Pong { N = 2 }", node.Trace!.ToText());
    }

    [Fact]
    public async Task Ping_pong_on_a_real_time_node()
    {
        using var node = Node.Start();
        Assert.Equal(Enumerable.Range(0, 10_000).Sum(), await PingPong(node, 10_000).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Selective_receive_takes_matching_messages_first_and_keeps_the_rest_in_order()
    {
        using var node = Node.StartDeterministic();
        var order = await node.RunAsync(async self =>
        {
            foreach (var m in new[] { new Prio(15, "high1"), new Prio(7, "low1"), new Prio(1, "low2"), new Prio(17, "high2") })
                self.Send(self.Self, m);
            var got = new List<string>();
            while (await self.Receive(m => m is Prio { Level: > 10 }, TimeSpan.Zero) is Prio p) got.Add(p.Tag);
            while (await self.Receive(_ => true, TimeSpan.Zero) is Prio p) got.Add(p.Tag);
            return string.Join(",", got);
        });
        Assert.Equal("high1,high2,low1,low2", order);
    }

    [Fact]
    public async Task A_message_to_a_dead_process_is_dropped()
    {
        using var node = Node.StartDeterministic();
        var pid = node.Spawn(async _ => { });
        await node.WaitForExitAsync(pid);
        node.Send(pid, "lost");
        Assert.Empty(node.MessagesOf(pid));
    }
}
