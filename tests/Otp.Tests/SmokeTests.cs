using Otp;

namespace Otp.Tests;

public sealed record Ping(Pid From, int N);
public sealed record Pong(int N);
public sealed record Prio(int Level, string Tag);

public class SmokeTests
{
    [Fact]
    public async Task PingPong_Deterministic()
    {
        using var node = Node.StartDeterministic();
        var total = await node.RunAsync(async self =>
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
            for (var i = 0; i < 3; i++)
            {
                self.Send(pong, new Ping(self.Self, i));
                sum += (await self.Receive<Pong>()).N;
            }
            self.Send(pong, new Ping(self.Self, -1));
            return sum;
        });
        Assert.Equal(3, total);
        Assert.Contains("receives", node.Trace!.ToText());
    }

    [Fact]
    public async Task PingPong_RealTime()
    {
        using var node = Node.Start();
        var total = await node.RunAsync(async self =>
        {
            var pong = self.Spawn(async me =>
            {
                while (true)
                {
                    var p = await me.Receive<Ping>();
                    me.Send(p.From, new Pong(p.N));
                }
            });
            var sum = 0;
            for (var i = 0; i < 10000; i++)
            {
                self.Send(pong, new Ping(self.Self, i));
                sum += (await self.Receive<Pong>()).N;
            }
            return sum;
        });
        Assert.Equal(Enumerable.Range(0, 10000).Sum(), total);
    }

    [Fact]
    public async Task PriorityReceive()
    {
        using var node = Node.StartDeterministic();
        var order = await node.RunAsync(async self =>
        {
            foreach (var m in new[] { new Prio(15, "high"), new Prio(7, "low"), new Prio(1, "low"), new Prio(17, "high") })
                self.Send(self.Self, m);
            var got = new List<string>();
            while (await self.Receive(m => m is Prio { Level: > 10 }, TimeSpan.Zero) is Prio p) got.Add(p.Tag);
            while (await self.Receive(m => true, TimeSpan.Zero) is Prio p) got.Add(p.Tag);
            return string.Join(",", got);
        });
        Assert.Equal("high,high,low,low", order);
    }

    [Fact]
    public async Task LinksAndMonitors()
    {
        using var node = Node.StartDeterministic();
        var result = await node.RunAsync(async self =>
        {
            self.TrapExit = true;
            var a = self.SpawnLink(async me => { await me.Receive(); throw new InvalidOperationException("boom"); });
            var (b, mref) = self.SpawnMonitor(async me => await me.Sleep(TimeSpan.FromSeconds(30)));
            self.Send(a, "go");
            var exit = await self.Receive<ExitSignal>();
            var down = await self.Receive<Down>();
            var late = self.Monitor(a);
            var noproc = await self.Receive<Down>(d => d.Ref == late);
            return $"{exit.Reason.Head} {down.Reason} {noproc.Reason} {node.Time.GetUtcNow():HH:mm:ss}";
        });
        Assert.Equal("InvalidOperationException normal noproc 00:00:30", result);
    }

    [Fact]
    public async Task KillIsUntrappable()
    {
        using var node = Node.StartDeterministic();
        var r = await node.RunAsync(async self =>
        {
            self.TrapExit = true;
            var victim = self.SpawnLink(async me => { me.TrapExit = true; await me.Receive(); });
            self.Exit(victim, ExitReason.Kill);
            return (await self.Receive<ExitSignal>()).Reason.ToString();
        });
        Assert.Equal("killed", r);
    }
}
