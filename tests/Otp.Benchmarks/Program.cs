using System.Diagnostics;
using System.Reflection;
using Otp.Benchmarks.Benchmarks;
using Otp.Benchmarks.Harness;
using Otp.Benchmarks.Peers.AkkaNet;
using Otp.Benchmarks.Peers.ProtoActor;

// The runtime's benchmarks against the real BEAM, Akka.NET and Proto.Actor, every side in one run
// on this machine.
//   dotnet run -c Release --project tests/Otp.Benchmarks -- compare [--quick] [--cores N] [--side SIDE]... [--only NAME]... [--out DIR]
// Prints a table (medians, ratios, targets) and writes results.json to artifacts/benchmarks/.
// Exits 0 whenever the benchmarks ran, whatever the figures: targets are reported, never asserted.

// The C# server of the TCP benchmark, started by the benchmark itself in a process of its own.
if (args is ["serve-tcp", .. var serveArgs]) return await TcpServerHost.RunAsync(serveArgs);

// The C# peer of the distribution benchmark, a node in a process of its own.
if (args is ["serve-node", .. var nodeArgs]) return await DistributionNodeHost.RunAsync(nodeArgs);

if (args is ["profile", var profiled, var count] && int.TryParse(count, out var iterations) && iterations > 0)
    return await ProfileCommand.RunAsync(profiled, iterations);

var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: Otp.Benchmarks compare [--quick] [--cores N] [--side SIDE]... [--only BENCHMARK]... [--out DIR]
               Otp.Benchmarks profile BENCHMARK N
          --quick   small sizes (CI smoke): checks that everything runs and produces numbers
          --cores   run every side on the first N cores only (taskset -c 0..N-1; the BEAM, started
                    by this command, inherits it); default: every core
          --side    run only this side (for profiling): csharp (the runtime), beam, akka, proto;
                    repeatable; both = csharp and beam; default all
          --only    run only this benchmark: spawn, ping_pong, ring, burst, scan_receive, ref_receive, tables, tcp,
                    distribution
          --out     where results.json goes; default <repo>/artifacts/benchmarks
          profile   runs one of the runtime's benchmarks once with N iterations, for an instruction
                    counter (valgrind --tool=callgrind): ping_pong, receive_at_once, ref_receive_at_once, ring
        Set OTP_REQUIRE_ERL=1 to fail when Erlang/OTP (erl, erlc) is not installed.
        """);
    return 2;
}

if (options.Cores is { } cores && cores != Environment.ProcessorCount)
    return await CorePinning.RerunOnCoresAsync(cores, args);

var config = options.Quick ? BenchmarkConfig.Quick : BenchmarkConfig.Full;
if (IsDebugBuild())
    Console.Error.WriteLine("warning: this is a Debug build; the C# figures mean little. Use: dotnet run -c Release ...");

var requireErl = Environment.GetEnvironmentVariable("OTP_REQUIRE_ERL") == "1";
var wanted = options.Sides;
if (wanted.Contains(SideKeys.Beam) && !BeamSide.Available)
{
    if (requireErl)
    {
        Console.Error.WriteLine("error: erl/erlc not found, and OTP_REQUIRE_ERL=1 requires them (apt-get install erlang-base).");
        return 1;
    }
    Console.Error.WriteLine("note: erl/erlc not found (apt-get install erlang-base); the BEAM side is skipped.");
    wanted = [.. wanted.Where(s => s != SideKeys.Beam)];
}

// The sides, in the order each benchmark runs them.
var sides = new List<IBenchmarkSide>();
try
{
    foreach (var key in SideKeys.All.Where(wanted.Contains))
        sides.Add(key switch
        {
            SideKeys.Runtime => new CSharpSide(config),
            SideKeys.Beam => await BeamSide.CompileAsync(config, options.Quick ? TimeSpan.FromMinutes(2) : TimeSpan.FromMinutes(10)),
            SideKeys.Akka => new AkkaSide(config),
            _ => new ProtoActorSide(config),
        });
    return await RunAsync(sides);
}
finally
{
    foreach (var side in sides) side.Dispose();
}

async Task<int> RunAsync(IReadOnlyList<IBenchmarkSide> sides)
{
    Console.WriteLine($"Otp runtime vs {string.Join(", ", sides.Where(s => s.Key != SideKeys.Runtime).Select(s => s.Title))}, " +
        $"{config.Name} sizes, median of {config.Repetitions} repetitions after a warm-up, {Environment.ProcessorCount} core(s)");
    var total = Stopwatch.StartNew();
    var loadBefore = MachineInfo.LoadAverage();
    var progress = (string what) => Console.WriteLine($"  [{total.Elapsed:mm\\:ss}] {what}");

    // One benchmark at a time on every side, so that the figures of a row are measured under the
    // same load (the machine may be busy with other work).
    var samples = sides.ToDictionary(s => s.Key, _ => new Samples());
    var titles = SideKeys.All.ToDictionary(k => k, k => k switch
    {
        SideKeys.Runtime => "Otp", SideKeys.Beam => "BEAM", SideKeys.Akka => "Akka.NET", _ => "Proto.Actor",
    });
    foreach (var benchmark in options.Only ?? CSharpSide.Benchmarks)
    {
        if (benchmark == "distribution")
        {
            // Pairs of nodes rather than one side at a time: C#-C#, erl-erl and the mixed pairs
            // take turns within one run (DistributionComparison).
            await DistributionComparison.RunAsync(config, samples.GetValueOrDefault(SideKeys.Runtime), samples.GetValueOrDefault(SideKeys.Beam),
                sides.OfType<BeamSide>().FirstOrDefault(), progress);
            continue;
        }
        foreach (var side in sides.Where(s => s.Has(benchmark)))
        {
            progress($"{side.Title,-11} {benchmark}");
            await side.RunAsync(benchmark, samples[side.Key]);
        }
    }
    var erlang = sides.OfType<BeamSide>().FirstOrDefault()?.System ?? "";

    var machine = MachineInfo.Describe(erlang, loadBefore);
    var rows = Comparison.Rows(config, samples, titles);
    Console.WriteLine();
    Console.WriteLine(machine);
    Console.WriteLine("ratios compare costs (for messages per second: the peer's figure over the runtime's); below 1 the runtime is ahead");
    Console.WriteLine();
    Console.Write(Report.Table(rows, titles));
    var tableRows = TableComparison.Rows(samples.GetValueOrDefault(SideKeys.Runtime) ?? new(), samples.GetValueOrDefault(SideKeys.Beam) ?? new());
    if (tableRows.Any(r => r.Otp is not null || r.Ets is not null))
    {
        Console.WriteLine();
        Console.WriteLine($"Tables: {config.TableKeys:N0} keys, {config.TableOpsPerProcess:N0} operations per process; ops/s of all processes together (ratios above 1: Otp faster)");
        Console.Write(Report.TablesTable(tableRows));
    }
    var tcpRows = TcpComparison.Rows(samples.GetValueOrDefault(SideKeys.Runtime) ?? new(), samples.GetValueOrDefault(SideKeys.Beam) ?? new());
    if (tcpRows.Any(r => r.Otp is not null || r.Beam is not null))
    {
        Console.WriteLine();
        Console.WriteLine($"TCP: the runtime's TcpServer against a gen_tcp server, each in its own process, same clients: {config.TcpConnections:N0} connections held, " +
            $"then {config.TcpRequestsPerConnection:N0} round trips on each at once (put/get/echo), median of {config.Repetitions}");
        Console.Write(Report.TcpTable(tcpRows));
    }

    var distributionRows = DistributionComparison.Rows(samples.GetValueOrDefault(SideKeys.Runtime) ?? new(), samples.GetValueOrDefault(SideKeys.Beam) ?? new());
    if (distributionRows.Any(r => r.MicrosecondsPerRoundTrip is not null))
    {
        Console.WriteLine();
        Console.WriteLine($"Distribution: two nodes on loopback, each an OS process of its own (driver -> peer); {config.DistributionRoundTrips:N0} round trips " +
            $"and {config.DistributionMessages:N0} one-way messages per repetition, median of {config.Repetitions}; pairs alternated repetition by repetition");
        Console.Write(Report.DistributionTable(distributionRows));
    }

    var metrics = new List<(string, string)>
    {
        ("spawn", "us_per_spawn"), ("spawn", "bytes_per_process"), ("spawn", "processes"), ("ping_pong", "us_per_round_trip"),
        ("ring", "ns_per_hop"), ("burst", "messages_per_s"),
    };
    foreach (var b in new[] { "scan_receive", "ref_receive" })
        metrics.AddRange(config.Backlogs.Select(n => (b, SelectiveReceiveBenchmark.MetricFor(n))));
    metrics.AddRange(TableWorkload.All.SelectMany(w => new[] { ("tables", w.Metric), ("tables", "dotnet_" + w.Metric) }));
    metrics.AddRange(TcpComparison.Metrics.Select(m => ("tcp", m.Metric)));
    metrics.AddRange(DistributionComparison.Metrics.Select(m => ("distribution", m)));

    var outDir = options.Out ?? Path.Combine(Workbook.WorkbookRoot.TryFind() ?? Directory.GetCurrentDirectory(), "artifacts", "benchmarks");
    Directory.CreateDirectory(outDir);
    var file = Path.Combine(outDir, config.Name == "full" ? "results.json" : $"results-{config.Name}.json");
    await File.WriteAllTextAsync(file, Report.Json(config, machine, DateTimeOffset.UtcNow, rows, tableRows, tcpRows, distributionRows, samples, metrics));
    Console.WriteLine();
    Console.WriteLine($"wrote {file} ({total.Elapsed.TotalSeconds:0} s in all)");
    return 0;
}

static bool IsDebugBuild() =>
    new[] { typeof(Otp.Node).Assembly, Assembly.GetExecutingAssembly() }
        .Any(a => a.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true);


/// <summary>The command line.</summary>
internal sealed record Options(bool Quick, IReadOnlyList<string> Sides, int? Cores, string? Out, IReadOnlyList<string>? Only)
{
    public static Options? Parse(string[] args)
    {
        var quick = false;
        List<string>? sides = null;
        int? cores = null;
        string? outDir = null;
        List<string>? only = null;
        var rest = new Queue<string>(args);
        if (rest.TryPeek(out var first) && first == "compare") rest.Dequeue();
        while (rest.TryDequeue(out var a))
        {
            switch (a)
            {
                case "--quick": quick = true; break;
                case "--side" when rest.TryDequeue(out var s) && (SideKeys.All.Contains(s) || s is "both" or "all"):
                    (sides ??= []).AddRange(s switch { "both" => [SideKeys.Runtime, SideKeys.Beam], "all" => SideKeys.All, _ => [s] });
                    break;
                case "--cores" when rest.TryDequeue(out var c) && int.TryParse(c, out var n) && n >= 1: cores = n; break;
                case "--out" when rest.TryDequeue(out var o): outDir = Path.GetFullPath(o); break;
                case "--only" when rest.TryDequeue(out var b) && CSharpSide.Benchmarks.Contains(b): (only ??= []).Add(b); break;
                default: return null;
            }
        }
        return new(quick, sides ?? [.. SideKeys.All], cores, outDir, only);
    }
}
