using Otp.Tables;

namespace Lab09.Tables.Tests;

public class CountersTests
{
    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_CountsEveryHitFromManyProcesses()
    {
        string[] pages = ["/home", "/about", "/blog", "/home", "/blog", "/home"];
        var run = await Lab.RunAsync(async self =>
        {
            var table = Counters.New(self);
            var refs = new List<Ref>();
            for (var p = 0; p < 10; p++)
            {
                var (_, r) = self.SpawnMonitor(async me =>
                {
                    foreach (var page in pages) Counters.Hit(me, table, page);
                });
                refs.Add(r);
            }
            foreach (var r in refs)
            {
                var down = await self.Receive<Down>(d => d.Ref.Equals(r));
                if (!down.Reason.IsNormal) throw new InvalidOperationException($"a process counting hits crashed: {down.Reason}");
            }
            var first = Counters.Hit(self, table, "/new");
            return (Counters.Top(self, table, 3), first, Ets.Info(self, table)!.Protection);
        });
        Assert.Equal([("/home", 30L), ("/blog", 20L), ("/about", 10L)], run.Result.Item1);
        Assert.Equal(1L, run.Result.first);
        Assert.Equal(TableAccess.Public, run.Result.Protection);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_TopBreaksTiesByName()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var table = Counters.New(self);
            foreach (var page in new[] { "c", "b", "a", "c", "b", "d" }) Counters.Hit(self, table, page);
            return (Counters.Top(self, table, 10), Counters.Top(self, table, 1));
        });
        Assert.Equal([("b", 2L), ("c", 2L), ("a", 1L), ("d", 1L)], run.Result.Item1);
        Assert.Equal([("b", 2L)], run.Result.Item2);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_NoHitIsLostOnRealThreads()
    {
        // A real-time node: the processes run on several threads at once, so a read, then a write,
        // loses hits whenever two processes interleave.
        using var node = Node.Start();
        var run = node.RunAsync(async self =>
        {
            var table = Counters.New(self);
            var refs = new List<Ref>();
            for (var p = 0; p < 4; p++)
            {
                var (_, r) = self.SpawnMonitor(async me =>
                {
                    for (var i = 0; i < 5000; i++)
                    {
                        Counters.Hit(me, table, i % 2 == 0 ? "even" : "odd");
                        if (i % 1000 == 999) await me.Yield();
                    }
                });
                refs.Add(r);
            }
            foreach (var r in refs)
            {
                var down = await self.Receive<Down>(d => d.Ref.Equals(r));
                if (!down.Reason.IsNormal) throw new InvalidOperationException($"a process counting hits crashed: {down.Reason}");
            }
            return Counters.Top(self, table, 2);
        });
        if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken)) != run)
            Assert.Fail("counting 20,000 hits took more than 15 seconds");
        Assert.Equal([("even", 10_000L), ("odd", 10_000L)], await run);
    }
}
