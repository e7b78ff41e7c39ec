using System.Diagnostics;

namespace Otp.Benchmarks.Benchmarks;

/// <summary>
/// Spawns <c>count</c> processes that each wait in a receive, and measures the time until every
/// one of them has started and reached its receive (microseconds per spawn), and the memory they
/// hold while idle (bytes per process: the growth of the live managed heap after a full
/// collection, the counterpart of the growth of <c>erlang:memory(processes)</c>).
/// </summary>
internal static class SpawnBenchmark
{
    public static Task<Measurement[]> RunAsync(Node node, int count) => node.RunAsync(async self =>
    {
        var baseline = node.ProcessCount;
        var ready = new Counter();
        // One body for all: each process counts itself ready, then waits (Erlang's
        // fun() -> counters:add(Ready, 1, 1), receive stop -> ok end end).
        Func<Process, Task> body = async p =>
        {
            Interlocked.Increment(ref ready.Value);
            await p.Receive();
        };
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var start = Stopwatch.GetTimestamp();
        var pids = new Pid[count];
        for (var i = 0; i < count; i++) pids[i] = self.Spawn(body);
        while (Volatile.Read(ref ready.Value) < count) await self.Yield();
        var elapsed = Stopwatch.GetElapsedTime(start);
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

        foreach (var pid in pids) self.Send(pid, Stop.Instance);
        while (node.ProcessCount > baseline) await self.Sleep(TimeSpan.FromMilliseconds(1));
        return new Measurement[]
        {
            new("us_per_spawn", elapsed.TotalMicroseconds / count),
            new("bytes_per_process", (double)(memoryAfter - memoryBefore) / count),
        };
    });

    private sealed class Counter
    {
        public int Value;
    }
}
