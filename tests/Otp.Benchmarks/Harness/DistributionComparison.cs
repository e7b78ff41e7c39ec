using System.Globalization;
using System.Reflection;
using Otp.Benchmarks.Benchmarks;
using Otp.Distribution.Epmd;

namespace Otp.Benchmarks.Harness;

/// <summary>One pair of nodes of the distribution benchmark and its medians (null where it did
/// not run). <paramref name="Pair"/> is driver_peer: <c>cs_cs</c>, <c>erl_erl</c>, <c>cs_erl</c>
/// (a C# node measuring an erl node), <c>erl_cs</c>.</summary>
public sealed record DistributionRow(string Pair, string Label, double? MicrosecondsPerRoundTrip, double? MessagesPerSecond);

/// <summary>
/// Remote ping-pong and one-way throughput between two nodes on loopback, for every pair the run
/// can make: C#-C#, erl-erl, and C#-erl in both directions. Every node but the C# driver (this
/// process) is an OS process of its own, so that each pair is two processes, as two <c>erl</c>
/// nodes are. The nodes find each other through a private EPMD on a free loopback port, with
/// unique short names, so nothing meets the machine's own nodes. The pairs take turns repetition
/// by repetition, so that every ratio compares figures taken under the same load.
/// </summary>
internal static class DistributionComparison
{
    private const string Cookie = "otpbench";

    /// <summary>The pairs, in the order the table prints them.</summary>
    public static readonly (string Pair, string Label)[] Pairs =
    [
        ("cs_cs", "C# - C#"), ("erl_erl", "erl - erl"), ("cs_erl", "C# -> erl"), ("erl_cs", "erl -> C#"),
    ];

    /// <summary>The sample names of one pair.</summary>
    public static IEnumerable<string> Metrics => Pairs.SelectMany(p => new[] { $"{p.Pair}_us_per_round_trip", $"{p.Pair}_messages_per_s" });

    /// <summary>The medians: the erl-erl pair's from the BEAM's samples, the others from the runtime's.</summary>
    public static IReadOnlyList<DistributionRow> Rows(Samples runtime, Samples beam) =>
    [
        .. Pairs.Select(p =>
        {
            var from = p.Pair == "erl_erl" ? beam : runtime;
            return new DistributionRow(p.Pair, p.Label, from.Median("distribution", $"{p.Pair}_us_per_round_trip"), from.Median("distribution", $"{p.Pair}_messages_per_s"));
        }),
    ];

    /// <summary>Runs every pair the sides allow: C#-C# with <paramref name="runtime"/>, erl-erl
    /// with <paramref name="beam"/>, the mixed pairs with both.</summary>
    public static async Task RunAsync(BenchmarkConfig config, Samples? runtime, Samples? beam, BeamSide? beamSide, Action<string> progress)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        string NameOf(string role) => $"{role}{tag}@localhost";
        await using var epmd = EpmdServer.Start(0);
        var environment = new Dictionary<string, string> { ["ERL_EPMD_PORT"] = epmd.Port.ToString(CultureInfo.InvariantCulture) };
        var withCs = runtime is not null;
        var withErl = beam is not null && beamSide is not null;

        var owned = new List<IDisposable>();
        Node? csDriver = null;
        try
        {
            var csPeer = NameOf("cspeer");
            var erlPeer = NameOf("erlpeer");
            if (withCs)
            {
                owned.Add(await StartCSharpPeerAsync(csPeer, epmd.Port, environment));
                csDriver = await Node.StartDistributedAsync(new NodeOptions
                {
                    Name = NameOf("csdriver"), Cookie = Cookie, EpmdPort = epmd.Port, StartEpmd = false, DistributionLog = _ => { },
                });
            }
            LineProcess? erlDriver = null;
            if (withErl)
            {
                await beamSide!.DescribeAsync();
                owned.Add(await StartErlAsync(beamSide!, erlPeer, "peer", environment));
                owned.Add(erlDriver = await StartErlAsync(beamSide!, NameOf("erldriver"), "driver", environment));
            }

            // Each pair: how to run one round-trip and one one-way measurement.
            var pairs = new List<(string Pair, Samples Into, Func<int, Task<TimeSpan>> RoundTrips, Func<int, Task<TimeSpan>> OneWay)>();
            async Task AddCSharpDriverAsync(string pair, string peer)
            {
                var (echo, sink) = await DistributionWorkload.ConnectAsync(csDriver!, peer);
                pairs.Add((pair, runtime!, n => DistributionWorkload.RoundTripsAsync(csDriver!, echo, n), m => DistributionWorkload.OneWayAsync(csDriver!, sink, m)));
            }
            async Task AddErlDriverAsync(string pair, string peer, Samples into)
            {
                var answer = await erlDriver!.AskAsync($"connect {peer}", DistributionWorkload.Wait);
                if (answer != "ok") throw new InvalidOperationException($"the erl driver could not reach {peer}: {answer}");
                pairs.Add((pair, into, n => ErlMeasureAsync(erlDriver, $"rtt {peer} {n}"), m => ErlMeasureAsync(erlDriver, $"oneway {peer} {m}")));
            }
            if (withCs) await AddCSharpDriverAsync("cs_cs", csPeer);
            if (withErl) await AddErlDriverAsync("erl_erl", erlPeer, beam!);
            if (withCs && withErl)
            {
                await AddCSharpDriverAsync("cs_erl", erlPeer);
                await AddErlDriverAsync("erl_cs", csPeer, runtime!);
            }

            progress($"distribution: {string.Join(", ", pairs.Select(p => p.Pair))}, warm-up");
            foreach (var p in pairs)
            {
                await p.RoundTrips(config.DistributionRoundTrips);
                await p.OneWay(config.DistributionMessages);
            }
            for (var rep = 0; rep < config.Repetitions; rep++)
            {
                progress($"distribution: repetition {rep + 1} of {config.Repetitions} (load {MachineInfo.LoadAverage()})");
                // Each repetition starts with the next pair, so that no pair always goes first.
                for (var k = 0; k < pairs.Count; k++)
                {
                    var p = pairs[(rep + k) % pairs.Count];
                    var rtt = await p.RoundTrips(config.DistributionRoundTrips);
                    p.Into.Add("distribution", $"{p.Pair}_us_per_round_trip", rtt.TotalMicroseconds / config.DistributionRoundTrips);
                    var oneWay = await p.OneWay(config.DistributionMessages);
                    p.Into.Add("distribution", $"{p.Pair}_messages_per_s", config.DistributionMessages / oneWay.TotalSeconds);
                }
            }
        }
        finally
        {
            if (csDriver is not null) await csDriver.DisposeAsync();
            foreach (var o in Enumerable.Reverse(owned)) o.Dispose();
        }
    }

    private static async Task<TimeSpan> ErlMeasureAsync(LineProcess driver, string command)
    {
        var answer = await driver.AskAsync(command, DistributionWorkload.Wait);
        return answer.StartsWith("us ", StringComparison.Ordinal) && long.TryParse(answer.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var us)
            ? TimeSpan.FromMicroseconds(us)
            : throw new InvalidOperationException($"the erl driver answered \"{answer}\" to \"{command}\"");
    }

    /// <summary>The C# peer: this program again, with <c>serve-node</c>.</summary>
    private static Task<LineProcess> StartCSharpPeerAsync(string name, int epmdPort, IReadOnlyDictionary<string, string> environment)
    {
        var self = Environment.ProcessPath!;
        // Run as `dotnet Otp.Benchmarks.dll`, the host is dotnet and the program is an argument.
        string[] prefix = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [Assembly.GetExecutingAssembly().Location] : [];
        return LineProcess.StartAsync($"the C# node {name}", self, [.. prefix, "serve-node", name, Cookie, epmdPort.ToString(CultureInfo.InvariantCulture)], environment);
    }

    /// <summary>An erl node running <c>otp_dist_bench:Role()</c>: short name, the cookie, the
    /// loopback interface only, warnings only in its log.</summary>
    private static Task<LineProcess> StartErlAsync(BeamSide beam, string name, string role, Dictionary<string, string> environment)
    {
        var env = new Dictionary<string, string>(environment) { ["ERL_CRASH_DUMP"] = Path.Combine(beam.CodePath, $"erl_crash_{role}.dump") };
        return LineProcess.StartAsync($"the erl node {name}", beam.Erl, [
            "-sname", name, "-setcookie", Cookie, "-noshell", "-kernel", "inet_dist_use_interface", "{127,0,0,1}",
            "-kernel", "logger_level", "warning", "-pa", beam.CodePath, "-run", "otp_dist_bench", role,
        ], env, beam.CodePath);
    }
}
