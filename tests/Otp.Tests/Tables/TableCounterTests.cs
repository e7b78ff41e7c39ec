using Otp.Tables;

namespace Otp.Tests.Tables;

/// <summary>update_counter: atomic, typed like Erlang's, and safe under many writers.</summary>
public class TableCounterTests
{
    [Fact]
    public async Task Update_counter_adds_keeps_int_and_inserts_the_default()
    {
        using var node = Node.StartDeterministic(trace: false);
        var seen = await node.RunAsync(async self =>
        {
            var t = Ets.New(self, "c");
            Ets.Insert(self, t, ("hits", 1, 10));
            var a = Ets.UpdateCounter(self, t, "hits", 5);
            var b = Ets.UpdateCounter(self, t, "hits", 3, -4);
            var c = Ets.UpdateCounter(self, t, "misses", 2, ("ignored", 0));
            var stored = Ets.Lookup(self, t, "hits")[0];
            string Fail(Action act) => Assert.Throws<BadArgException>(act).Reason.Name;
            var errors = new[]
            {
                Fail(() => Ets.UpdateCounter(self, t, "nobody", 1)),
                Fail(() => Ets.UpdateCounter(self, t, "hits", 1, 1)),
                Fail(() => Ets.UpdateCounter(self, t, "hits", 9, 1)),
            };
            Ets.Insert(self, t, ("text", "x"));
            var notInt = Fail(() => Ets.UpdateCounter(self, t, "text", 1));
            return (a, b, c, stored[1], stored[2], Ets.Lookup(self, t, "misses")[0][0], errors, notInt);
        });
        Assert.Equal(6L, seen.a);
        Assert.Equal(6L, seen.b);
        Assert.Equal(2L, seen.c);
        Assert.Equal(6, Assert.IsType<int>(seen.Item4));
        Assert.Equal(6, seen.Item5);
        Assert.Equal("misses", seen.Item6);
        Assert.Equal(["badarg", "badarg", "badarg"], seen.errors);
        Assert.Equal("badarg", seen.notInt);
    }

    [Fact]
    public async Task Update_counter_on_a_bag_is_badarg()
    {
        using var node = Node.StartDeterministic(trace: false);
        var reason = await node.RunAsync(async self =>
        {
            var t = Ets.New(self, "b", new TableOptions { Type = TableType.Bag });
            Ets.Insert(self, t, ("k", 1));
            return Assert.Throws<BadArgException>(() => Ets.UpdateCounter(self, t, "k", 1)).Reason.Name;
        });
        Assert.Equal("badarg", reason);
    }

    public static TheoryData<TableType, bool, bool> Kinds => new()
    {
        { TableType.Set, false, false },
        { TableType.Set, true, true },
        { TableType.OrderedSet, false, false },
        { TableType.OrderedSet, true, true },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Concurrent_increments_are_never_lost(TableType type, bool read, bool write)
    {
        // Real threads: 8 processes on the thread pool, 2,000 increments each on 4 keys.
        using var node = Node.Start();
        var totals = await node.RunAsync(async self =>
        {
            var t = Ets.New(self, "c", new TableOptions { Type = type, Access = TableAccess.Public, ReadConcurrency = read, WriteConcurrency = write });
            for (var k = 0; k < 4; k++) Ets.Insert(self, t, (k, 0L));
            var refs = new List<Ref>();
            for (var w = 0; w < 8; w++)
            {
                var (_, r) = self.SpawnMonitor(async me =>
                {
                    for (var i = 0; i < 2000; i++)
                    {
                        Ets.UpdateCounter(me, t, i % 4, 1);
                        if (i % 500 == 0) await me.Yield();
                    }
                });
                refs.Add(r);
            }
            foreach (var r in refs)
            {
                var down = await self.Receive<Down>(d => d.Ref.Equals(r));
                Assert.True(down.Reason.IsNormal, down.Reason.ToString());
            }
            return Enumerable.Range(0, 4).Select(k => (long)Ets.Lookup(self, t, k)[0][1]!).ToList();
        }, TimeSpan.FromSeconds(60));
        Assert.Equal([4000L, 4000L, 4000L, 4000L], totals);
    }
}
