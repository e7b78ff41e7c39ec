using System.Diagnostics;

namespace Otp.Benchmarks.Benchmarks;

/// <summary>
/// Many senders, one receiver: <c>senders</c> processes each send <c>perSender</c> messages to
/// one process as fast as they can; messages per second, from the start signal until the
/// receiver has taken the last one. The senders are spawned and waiting before the clock starts.
/// </summary>
internal static class BurstBenchmark
{
    public static Task<Measurement[]> RunAsync(Node node, int senders, int perSender) => node.RunAsync(async self =>
    {
        var main = self.Self;
        var total = senders * perSender;
        var receiver = self.Spawn(async p =>
        {
            for (var i = 0; i < total; i++) await p.Receive();
            p.Send(main, BurstDone.Instance);
        });
        var ready = new Counter();
        Func<Process, Task> sender = async p =>
        {
            Interlocked.Increment(ref ready.Value);
            await p.Receive();
            for (var i = 0; i < perSender; i++) p.Send(receiver, new Burst(i));
        };
        var pids = new Pid[senders];
        for (var s = 0; s < senders; s++) pids[s] = self.Spawn(sender);
        while (Volatile.Read(ref ready.Value) < senders) await self.Yield();

        var start = Stopwatch.GetTimestamp();
        foreach (var pid in pids) self.Send(pid, Go.Instance);
        await self.Receive(m => m is BurstDone);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new Measurement[] { new("messages_per_s", total / elapsed.TotalSeconds) };
    });

    private sealed class Counter
    {
        public int Value;
    }
}
