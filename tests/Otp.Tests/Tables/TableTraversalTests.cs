using Otp.Tables;

namespace Otp.Tests.Tables;

/// <summary>first/next/last/prev: in key order for an ordered set, every key once for the others.</summary>
public class TableTraversalTests
{
    [Fact]
    public async Task An_ordered_set_walks_in_key_order_both_ways_and_from_missing_keys()
    {
        using var node = Node.StartDeterministic(trace: false);
        var (forward, backward, fromMissing, beforeMissing) = await node.RunAsync(async self =>
        {
            var t = Ets.New(self, "o", new TableOptions { Type = TableType.OrderedSet });
            // Enough keys for several chunks of the sorted storage, inserted out of order.
            var keys = Enumerable.Range(0, 2000).Select(i => (i * 7919) % 2000 * 2).ToList();
            foreach (var k in keys) Ets.Insert(self, t, (k, "v"));
            var fwd = new List<int>();
            for (var k = Ets.First(self, t); !k.Equals(Ets.EndOfTable); k = Ets.Next(self, t, k)) fwd.Add((int)k);
            var bwd = new List<int>();
            for (var k = Ets.Last(self, t); !k.Equals(Ets.EndOfTable); k = Ets.Prev(self, t, k)) bwd.Add((int)k);
            return (fwd, bwd, Ets.Next(self, t, 101), Ets.Prev(self, t, 101));
        });
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => i * 2), forward);
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => i * 2).Reverse(), backward);
        Assert.Equal(102, fromMissing);
        Assert.Equal(100, beforeMissing);
    }

    [Theory]
    [InlineData(TableType.Set, false)]
    [InlineData(TableType.Set, true)]
    [InlineData(TableType.Bag, true)]
    [InlineData(TableType.DuplicateBag, false)]
    public async Task A_hash_table_walk_visits_every_key_once(TableType type, bool writeConcurrency)
    {
        using var node = Node.StartDeterministic(trace: false);
        var visited = await node.RunAsync(async self =>
        {
            var t = Ets.New(self, "h", new TableOptions { Type = type, WriteConcurrency = writeConcurrency });
            for (var i = 0; i < 500; i++) Ets.Insert(self, t, (i, "v"));
            var seen = new List<int>();
            for (var k = Ets.First(self, t); !k.Equals(Ets.EndOfTable); k = Ets.Next(self, t, k)) seen.Add((int)k);
            Assert.Throws<BadArgException>(() => Ets.Next(self, t, 10_000));
            return seen;
        });
        Assert.Equal(Enumerable.Range(0, 500), visited.Order());
    }

    [Fact]
    public async Task An_empty_table_ends_at_once()
    {
        using var node = Node.StartDeterministic(trace: false);
        var ends = await node.RunAsync(async self =>
        {
            var o = Ets.New(self, "o", new TableOptions { Type = TableType.OrderedSet });
            var s = Ets.New(self, "s");
            return new[] { Ets.First(self, o), Ets.Last(self, o), Ets.First(self, s), Ets.Next(self, o, 5) };
        });
        Assert.All(ends, e => Assert.Equal(Ets.EndOfTable, e));
    }
}
