using System.Diagnostics;

namespace Otp.Distribution.Tests.Nodes;

/// <summary>
/// Remote round trips on loopback, C#-C#, C#-erl and erl-erl, printed for docs/distribution.md.
/// A measurement, not a check: it runs only with OTP_DIST_MEASURE=1 (and needs erl), and asserts
/// nothing about speed.
/// </summary>
public class RoundTripMeasurement
{
    private const int Rounds = 5000;

    [Fact]
    public async Task Measure_remote_round_trips()
    {
        if (Environment.GetEnvironmentVariable("OTP_DIST_MEASURE") != "1") Assert.Skip("a measurement: set OTP_DIST_MEASURE=1 to run it");
        ErlNode.RequireErlang();
        await using var cluster = TestCluster.Start();
        var a = await cluster.StartNodeAsync("a");
        var b = await cluster.StartNodeAsync("b");
        b.Register("echo", b.Spawn(async self =>
        {
            while (true)
                if (await self.Receive() is ErlangTuple { Length: 2 } t && t[0] is Pid from) self.Send(from, t[1]!);
        }));
        var csToCs = await RoundTripsAsync(a, b.Name);

        var erlName = cluster.NameOf("erl");
        await using var erl = ErlNode.Start(cluster, erlName, """
            register(echo, spawn(fun Loop() -> receive {From, M} -> From ! M, Loop() end end)),
            io:format("up~n"), receive stop -> ok end.
            """);
        await erl.LineAsync("up");
        var csToErl = await RoundTripsAsync(a, erlName);

        await using var erl2 = ErlNode.Start(cluster, cluster.NameOf("erltwo"), $$"""
            pong = net_adm:ping('{{erlName}}'),
            Loop = fun L(0) -> ok; L(N) -> {echo, '{{erlName}}'} ! {self(), N}, receive N -> L(N - 1) end end,
            Loop(500),
            {Us, ok} = timer:tc(fun() -> Loop({{Rounds}}) end),
            io:format("erl-erl ~p~n", [Us]), halt().
            """);
        var erlUs = long.Parse((await erl2.LineAsync(l => l.StartsWith("erl-erl "), TimeSpan.FromSeconds(60)))["erl-erl ".Length..]);
        var erlToErl = TimeSpan.FromMicroseconds(erlUs);

        string Per(TimeSpan t) => $"{t.TotalMicroseconds / Rounds:F1} us";
        // xunit captures the console; the figures go to a file the person measuring reads.
        await File.AppendAllTextAsync(Path.Combine(Path.GetTempPath(), "otp-dist-measure.txt"), $"round trip, {Rounds} rounds: C#-C# {Per(csToCs)}, C#-erl {Per(csToErl)}, erl-erl {Per(erlToErl)}; C#-C#/erl-erl = {csToCs / erlToErl:F2}\n", TestContext.Current.CancellationToken);
    }

    private static async Task<TimeSpan> RoundTripsAsync(Node from, string node) => await from.RunAsync(async self =>
    {
        async Task Go(int n)
        {
            for (var i = 0; i < n; i++)
            {
                self.Send("echo", node, new ErlangTuple(self.Self, i));
                await self.Receive(m => m is int k && k == i || m is long l && l == i);
            }
        }
        await Go(500); // warm up: connection, JIT
        var sw = Stopwatch.StartNew();
        await Go(Rounds);
        return sw.Elapsed;
    }, TimeSpan.FromMinutes(2));
}
