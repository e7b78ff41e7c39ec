using System.Diagnostics;

namespace Otp.Benchmarks.Benchmarks;

/// <summary>
/// The work of the distribution benchmark on a C# node, the twin of erlang/otp_dist_bench.erl:
/// the peer's processes (an echo and a counting sink, found through the registered <c>bench</c>),
/// and the driver's two measurements. The same messages as the Erlang side, so that a C# driver
/// can measure an erl peer and an erl driver a C# peer.
/// </summary>
internal static class DistributionWorkload
{
    private static readonly Atom Hello = new("hello"), BenchPids = new("bench_pids"), Msg = new("msg"), Done = new("done"), Count = new("count");

    /// <summary>How long one measurement may wait for the other node before it gives up.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);

    /// <summary>Starts the peer's processes on <paramref name="node"/>: <c>bench</c> answers
    /// <c>{hello, From}</c> with <c>{bench_pids, Echo, Sink}</c>; the echo answers <c>{From, N}</c>
    /// with <c>N</c>; the sink counts <c>{msg, I}</c> and answers <c>{done, From}</c> with
    /// <c>{count, N}</c>.</summary>
    public static void StartPeer(Node node)
    {
        var echo = node.Spawn(async self =>
        {
            while (true)
                if (await self.Receive() is ErlangTuple { Length: 2 } t && t[0] is Pid from) self.Send(from, t[1]!);
        });
        var sink = node.Spawn(async self =>
        {
            var n = 0;
            while (true)
            {
                var m = await self.Receive();
                if (m is ErlangTuple { Length: 2 } t && t[0] is Atom a)
                {
                    if (a == Msg) n++;
                    else if (a == Done && t[1] is Pid from)
                    {
                        self.Send(from, new ErlangTuple(Count, n));
                        n = 0;
                    }
                }
            }
        });
        node.Register("bench", node.Spawn(async self =>
        {
            while (true)
                if (await self.Receive() is ErlangTuple { Length: 2 } t && t[0] is Atom a && a == Hello && t[1] is Pid from)
                    self.Send(from, new ErlangTuple(BenchPids, echo, sink));
        }));
    }

    /// <summary>Asks the peer <paramref name="node"/> for its echo and sink.</summary>
    public static Task<(Pid Echo, Pid Sink)> ConnectAsync(Node driver, string node) => driver.RunAsync(async self =>
    {
        if (!await driver.PingAsync(node)) throw new InvalidOperationException($"{node} did not answer a ping");
        self.Send("bench", node, new ErlangTuple(Hello, self.Self));
        var reply = await self.Receive(m => m is ErlangTuple { Length: 3 } t && t[0] is Atom a && a == BenchPids, Wait)
            ?? throw new TimeoutException($"{node} did not answer hello");
        var pids = (ErlangTuple)reply;
        return ((Pid)pids[1]!, (Pid)pids[2]!);
    }, Wait + Wait);

    /// <summary><paramref name="n"/> request/reply round trips to the echo, one after the other.</summary>
    public static Task<TimeSpan> RoundTripsAsync(Node driver, Pid echo, int n) => driver.RunAsync(async self =>
    {
        var sw = Stopwatch.StartNew();
        for (var i = n; i > 0; i--)
        {
            self.Send(echo, new ErlangTuple(self.Self, i));
            var k = i;
            // No timeout per receive (each would start and cancel a timer, which costs more than
            // the hop being measured); RunAsync's timeout bounds the whole loop.
            await self.Receive(m => m is int j && j == k);
        }
        return sw.Elapsed;
    }, Wait + Wait);

    /// <summary><paramref name="m"/> messages to the sink, then <c>{done, Self}</c>; timed until
    /// the sink's count comes back (and it must be <paramref name="m"/>: nothing lost).</summary>
    public static Task<TimeSpan> OneWayAsync(Node driver, Pid sink, int m) => driver.RunAsync(async self =>
    {
        var sw = Stopwatch.StartNew();
        for (var i = m; i > 0; i--) self.Send(sink, new ErlangTuple(Msg, i));
        self.Send(sink, new ErlangTuple(Done, self.Self));
        var reply = await self.Receive(x => x is ErlangTuple { Length: 2 } t && t[0] is Atom a && a == Count, Wait)
            ?? throw new TimeoutException("the sink did not answer");
        var elapsed = sw.Elapsed;
        if (((ErlangTuple)reply)[1] is not int got || got != m) throw new InvalidOperationException($"the sink counted {((ErlangTuple)reply)[1]} of {m} messages");
        return elapsed;
    }, Wait + Wait);
}
