using System.Collections.Concurrent;
using System.Diagnostics;
using Otp.Tables;

namespace Otp.Benchmarks.Benchmarks;

/// <summary>
/// Reads, writes and a 90/10 mix on a table of <c>keys</c> objects <c>{Key, Value}</c>, by 1 or 2
/// concurrent processes: on this runtime's tables (in processes, as Erlang code would use ETS),
/// and on the .NET collections a C# developer would reach for (on plain tasks): a
/// ConcurrentDictionary for a set, a locked SortedDictionary for an ordered set, a locked
/// Dictionary of lists for the bags. Operations per second, all processes together.
/// </summary>
internal static class TableBenchmark
{
    private static readonly TableType[] Types = [TableType.Set, TableType.OrderedSet, TableType.Bag, TableType.DuplicateBag];

    private static TableType TypeOf(string kind) => Types[Array.IndexOf(["set", "ordered_set", "bag", "duplicate_bag"], kind)];

    public static async Task<Measurement[]> RunAsync(Node node, int keys, int opsPerProcess)
    {
        var results = new List<Measurement>();
        foreach (var w in TableWorkload.All)
        {
            results.Add(new(w.Metric, await OnTablesAsync(node, w, keys, opsPerProcess)));
            // The .NET collections have no options to vary: one figure per kind, mix and count.
            if (!w.Concurrency) results.Add(new("dotnet_" + w.Metric, await OnCollectionAsync(w, keys, opsPerProcess)));
        }
        return [.. results];
    }

    private static Task<double> OnTablesAsync(Node node, TableWorkload w, int keys, int ops) => node.RunAsync(async self =>
    {
        var t = Ets.New(self, "bench", new TableOptions
        {
            Type = TypeOf(w.Kind), Access = TableAccess.Public, ReadConcurrency = w.Concurrency, WriteConcurrency = w.Concurrency,
        });
        for (var k = 0; k < keys; k++) Ets.Insert(self, t, (k, 0));
        var workers = new List<(Pid Pid, Ref Monitor)>();
        for (var p = 0; p < w.Processes; p++)
        {
            var worker = p;
            workers.Add(self.SpawnMonitor(async me =>
            {
                await me.Receive(m => m is "go");
                for (long i = 0; i < ops; i++)
                {
                    var key = TableWorkload.Key(i, worker, keys);
                    if (!w.Writes(i)) Ets.Lookup(me, t, key);
                    else
                    {
                        if (w.IsBag) Ets.Delete(me, t, key);
                        Ets.Insert(me, t, (key, (int)(i & 3)));
                    }
                }
            }));
        }
        var start = Stopwatch.GetTimestamp();
        foreach (var (pid, _) in workers) self.Send(pid, "go");
        foreach (var (_, r) in workers)
        {
            var down = await self.Receive<Down>(d => d.Ref.Equals(r));
            if (!down.Reason.IsNormal) throw new InvalidOperationException($"a table benchmark worker failed: {down.Reason}");
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        Ets.Delete(self, t);
        return (double)ops * w.Processes / elapsed.TotalSeconds;
    });

    private static async Task<double> OnCollectionAsync(TableWorkload w, int keys, int ops)
    {
        var store = Store.For(w.Kind);
        for (var k = 0; k < keys; k++) store.Insert(k, 0);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, w.Processes).Select(worker => Task.Run(async () =>
        {
            await go.Task;
            for (long i = 0; i < ops; i++)
            {
                var key = TableWorkload.Key(i, worker, keys);
                if (!w.Writes(i)) store.Lookup(key);
                else
                {
                    if (w.IsBag) store.Delete(key);
                    store.Insert(key, (int)(i & 3));
                }
            }
        })).ToArray();
        var start = Stopwatch.GetTimestamp();
        go.SetResult();
        await Task.WhenAll(tasks);
        return (double)ops * w.Processes / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>The plain .NET stand-ins, each as a C# developer would write it.</summary>
    private abstract class Store
    {
        public static Store For(string kind) => kind switch
        {
            "set" => new Concurrent(),
            "ordered_set" => new LockedSorted(),
            "bag" => new LockedBag(dedupe: true),
            _ => new LockedBag(dedupe: false),
        };

        public abstract void Insert(int key, int value);

        public abstract int Lookup(int key);

        public abstract void Delete(int key);

        private sealed class Concurrent : Store
        {
            private readonly ConcurrentDictionary<int, (int, int)> _map = new();

            public override void Insert(int key, int value) => _map[key] = (key, value);

            public override int Lookup(int key) => _map.TryGetValue(key, out var v) ? v.Item2 : -1;

            public override void Delete(int key) => _map.TryRemove(key, out _);
        }

        private sealed class LockedSorted : Store
        {
            private readonly SortedDictionary<int, (int, int)> _map = [];
            private readonly Lock _lock = new();

            public override void Insert(int key, int value)
            {
                lock (_lock) _map[key] = (key, value);
            }

            public override int Lookup(int key)
            {
                lock (_lock) return _map.TryGetValue(key, out var v) ? v.Item2 : -1;
            }

            public override void Delete(int key)
            {
                lock (_lock) _map.Remove(key);
            }
        }

        private sealed class LockedBag(bool dedupe) : Store
        {
            private readonly Dictionary<int, List<(int, int)>> _map = [];
            private readonly Lock _lock = new();

            public override void Insert(int key, int value)
            {
                lock (_lock)
                {
                    if (!_map.TryGetValue(key, out var list)) _map[key] = list = [];
                    if (!dedupe || !list.Contains((key, value))) list.Add((key, value));
                }
            }

            public override int Lookup(int key)
            {
                // A copy, as a lookup hands out (the table's own list keeps changing).
                lock (_lock) return _map.TryGetValue(key, out var list) ? list.ToArray().Length : 0;
            }

            public override void Delete(int key)
            {
                lock (_lock) _map.Remove(key);
            }
        }
    }
}
