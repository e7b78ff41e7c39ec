namespace Otp.Tests;

/// <summary>
/// Stress on a real-time node: a partner dies on another thread around the moment it is linked or
/// monitored. Whatever the timing, exactly one EXIT or DOWN must report it, and none may follow a
/// demonitor with flush. (The windows these guard are a few instructions wide; a run does not
/// always reach them, so this is a regression net, not a proof.)
/// </summary>
public class SignalRaceTests
{
    private const int Rounds = 5_000;

    [Fact]
    public async Task Monitoring_a_process_as_it_dies_gives_exactly_one_down()
    {
        using var node = Node.Start();
        var counts = await node.RunAsync(async self =>
        {
            var (normal, noproc) = (0, 0);
            for (var i = 0; i < Rounds; i++)
            {
                var spin = i % 64;
                var p = self.Spawn(async _ => Thread.SpinWait(spin));
                var r = self.Monitor(p);
                var down = await self.Receive<Down>(d => d.Ref.Equals(r));
                if (down.Reason.IsNormal) normal++;
                else if (down.Reason == ExitReason.NoProc) noproc++;
            }
            await self.Sleep(TimeSpan.FromMilliseconds(50));
            return (normal, noproc, extra: self.Flush().Count);
        }, TimeSpan.FromMinutes(2));
        Assert.Equal(Rounds, counts.normal + counts.noproc);
        Assert.Equal(0, counts.extra);
    }

    [Fact]
    public async Task Linking_to_a_process_as_it_dies_gives_exactly_one_exit()
    {
        using var node = Node.Start();
        var counts = await node.RunAsync(async self =>
        {
            self.TrapExit = true;
            var (crashed, noproc) = (0, 0);
            for (var i = 0; i < Rounds; i++)
            {
                var spin = i % 64;
                var p = self.Spawn(async me =>
                {
                    Thread.SpinWait(spin); // vary the moment of death around the link
                    me.Exit(ExitReason.Of("boom"));
                });
                self.Link(p);
                var exit = await self.Receive<ExitSignal>(x => x.From == p);
                if (exit.Reason == ExitReason.Of("boom")) crashed++;
                else if (exit.Reason == ExitReason.NoProc) noproc++;
            }
            await self.Sleep(TimeSpan.FromMilliseconds(50));
            return (crashed, noproc, extra: self.Flush().Count);
        }, TimeSpan.FromMinutes(2));
        Assert.Equal(Rounds, counts.crashed + counts.noproc);
        Assert.Equal(0, counts.extra);
        Assert.Equal(0, node.ProcessCount);
    }

    [Fact]
    public async Task Demonitor_with_flush_racing_a_death_leaves_no_down()
    {
        using var node = Node.Start();
        var leftovers = await node.RunAsync(async self =>
        {
            for (var i = 0; i < Rounds; i++)
            {
                var spin = i % 64;
                var p = self.Spawn(async _ => Thread.SpinWait(spin));
                var r = self.Monitor(p);
                self.Demonitor(r, flush: true);
            }
            await self.Sleep(TimeSpan.FromMilliseconds(100));
            return self.Flush().Count;
        }, TimeSpan.FromMinutes(2));
        Assert.Equal(0, leftovers);
    }

    [Fact]
    public async Task Waiting_for_a_process_to_end_returns_only_once_its_end_is_recorded()
    {
        using var node = Node.Start(new NodeOptions { Trace = true });
        const int rounds = 2_000;   // fewer: each round reads the whole trace
        var early = 0;
        for (var i = 0; i < rounds; i++)
        {
            var p = node.Spawn(async me => await me.Receive<string>());
            node.Send(p, "go");
            // Catch the process in the middle of ending: dead to IsAlive, its end not yet complete.
            while (node.IsAlive(p)) Thread.SpinWait(1);
            await node.WaitForExitAsync(p, TimeSpan.FromSeconds(10));
            if (!node.Trace!.Events.Any(e => e.Kind == Otp.Tracing.TraceKind.Exit && e.Actor.Equals(p))) early++;
        }
        Assert.True(early == 0, $"{early} of {rounds} waits returned before the process's exit was in the trace");
    }
}
