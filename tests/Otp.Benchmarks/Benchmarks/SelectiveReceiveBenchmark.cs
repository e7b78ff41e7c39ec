using System.Diagnostics;

namespace Otp.Benchmarks.Benchmarks;

/// <summary>
/// Receives past a backlog of messages that no receive matches: microseconds per receive.
/// <list type="bullet">
/// <item>The general receive (<see cref="Process.Receive(Func{object, bool})"/>) has to look at
/// every queued message before it reaches the one that matches, so its cost grows with the
/// backlog; the growth per message is what is compared with the BEAM.</item>
/// <item>The reference-tagged receive (<see cref="Process.ReceiveReply"/>) starts after the
/// messages that were there when the reference was made, as the BEAM does for
/// <c>make_ref()</c> followed by a receive on that reference: it should stay flat.</item>
/// </list>
/// </summary>
internal static class SelectiveReceiveBenchmark
{
    public static Task<Measurement[]> ScanAsync(Node node, int backlog, int receives) => node.RunAsync(async self =>
    {
        Fill(self, backlog);
        var start = Stopwatch.GetTimestamp();
        for (var n = receives; n > 0; n--)
        {
            self.Send(self.Self, new Match(n));
            await self.Receive(static m => m is Match);
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new Measurement[] { new(MetricFor(backlog), elapsed.TotalMicroseconds / receives) };
    });

    public static Task<Measurement[]> RefTaggedAsync(Node node, int backlog, int receives) => node.RunAsync(async self =>
    {
        Fill(self, backlog);
        var start = Stopwatch.GetTimestamp();
        for (var n = receives; n > 0; n--)
        {
            var tag = self.MakeRef();
            self.Send(self.Self, new Reply(tag));
            await self.ReceiveReply(tag, m => m is Reply r && r.Tag == tag, Timeout.InfiniteTimeSpan);
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new Measurement[] { new(MetricFor(backlog), elapsed.TotalMicroseconds / receives) };
    });

    /// <summary>The metric name of one backlog size, the same on both sides.</summary>
    public static string MetricFor(int backlog) => $"us_per_receive@{backlog}";

    private static void Fill(Process self, int backlog)
    {
        for (var i = backlog; i > 0; i--) self.Send(self.Self, new Junk(i));
    }
}
