using System.Diagnostics;
using System.Reflection;
using Otp.Benchmarks.Benchmarks;
using Otp.Benchmarks.Harness;

// The runtime's benchmarks against the real BEAM, both sides in one run on this machine.
//   dotnet run -c Release --project tests/Otp.Benchmarks -- compare [--quick] [--side both|csharp|beam] [--only NAME] [--out DIR]
// Prints a table (medians, ratio C#/BEAM, targets) and writes results.json to artifacts/benchmarks/.
// Exits 0 whenever the benchmarks ran, whatever the figures: targets are reported, never asserted.

// The C# server of the TCP benchmark, started by the benchmark itself in a process of its own.
if (args is ["serve-tcp", .. var serveArgs]) return await TcpServerHost.RunAsync(serveArgs);

var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: Otp.Benchmarks compare [--quick] [--side both|csharp|beam] [--only BENCHMARK]... [--out DIR]
          --quick   small sizes (CI smoke): checks that everything runs and produces numbers
          --side    run one side only (for profiling); default both
          --only    run only this benchmark: spawn, ping_pong, ring, scan_receive, ref_receive, tables, tcp
          --out     where results.json goes; default <repo>/artifacts/benchmarks
        Set OTP_REQUIRE_ERL=1 to fail when Erlang/OTP (erl, erlc) is not installed.
        """);
    return 2;
}

var config = options.Quick ? BenchmarkConfig.Quick : BenchmarkConfig.Full;
if (IsDebugBuild())
    Console.Error.WriteLine("warning: this is a Debug build; the C# figures mean little. Use: dotnet run -c Release ...");

var requireErl = Environment.GetEnvironmentVariable("OTP_REQUIRE_ERL") == "1";
var runBeam = options.Side != "csharp";
if (runBeam && !BeamSide.Available)
{
    if (requireErl)
    {
        Console.Error.WriteLine("error: erl/erlc not found, and OTP_REQUIRE_ERL=1 requires them (apt-get install erlang-base).");
        return 1;
    }
    Console.Error.WriteLine("note: erl/erlc not found (apt-get install erlang-base); the BEAM side is skipped.");
    runBeam = false;
}

Console.WriteLine($"Otp runtime vs BEAM, {config.Name} sizes, median of {config.Repetitions} repetitions after a warm-up");
var total = Stopwatch.StartNew();
var loadBefore = MachineInfo.LoadAverage();
var progress = (string what) => Console.WriteLine($"  [{total.Elapsed:mm\\:ss}] {what}");

// One benchmark at a time, C# then BEAM, so that the two figures of a pair are measured under
// the same load (the machine may be busy with other work).
var cs = new Samples();
var beam = new Samples();
using var csharpSide = options.Side == "beam" ? null : new CSharpSide(config);
using var beamSide = runBeam ? await BeamSide.CompileAsync(config, options.Quick ? TimeSpan.FromMinutes(2) : TimeSpan.FromMinutes(10)) : null;
foreach (var benchmark in options.Only ?? CSharpSide.Benchmarks)
{
    if (csharpSide is not null)
    {
        progress($"C#   {benchmark}");
        await csharpSide.RunAsync(benchmark, cs);
    }
    if (beamSide is not null)
    {
        progress($"BEAM {benchmark}");
        await beamSide.RunAsync(benchmark, beam);
    }
}
var erlang = beamSide?.System ?? "";

var machine = MachineInfo.Describe(erlang, loadBefore);
var rows = Comparison.Rows(config, cs, beam);
Console.WriteLine();
Console.WriteLine(machine);
Console.WriteLine();
Console.Write(Report.Table(rows));
var tableRows = TableComparison.Rows(cs, beam);
if (tableRows.Any(r => r.Otp is not null || r.Ets is not null))
{
    Console.WriteLine();
    Console.WriteLine($"Tables: {config.TableKeys:N0} keys, {config.TableOpsPerProcess:N0} operations per process; ops/s of all processes together (ratios above 1: Otp faster)");
    Console.Write(Report.TablesTable(tableRows));
}
var tcpRows = TcpComparison.Rows(cs, beam);
if (tcpRows.Any(r => r.Otp is not null || r.Beam is not null))
{
    Console.WriteLine();
    Console.WriteLine($"TCP: the runtime's TcpServer against a gen_tcp server, each in its own process, same clients: {config.TcpConnections:N0} connections held, " +
        $"then {config.TcpRequestsPerConnection:N0} round trips on each at once (put/get/echo), median of {config.Repetitions}");
    Console.Write(Report.TcpTable(tcpRows));
}

var metrics = new List<(string, string)>
{
    ("spawn", "us_per_spawn"), ("spawn", "bytes_per_process"), ("ping_pong", "us_per_round_trip"), ("ring", "ns_per_hop"),
};
foreach (var b in new[] { "scan_receive", "ref_receive" })
    metrics.AddRange(config.Backlogs.Select(n => (b, SelectiveReceiveBenchmark.MetricFor(n))));
metrics.AddRange(TableWorkload.All.SelectMany(w => new[] { ("tables", w.Metric), ("tables", "dotnet_" + w.Metric) }));
metrics.AddRange(TcpComparison.Metrics.Select(m => ("tcp", m.Metric)));

var outDir = options.Out ?? Path.Combine(RepoRoot(), "artifacts", "benchmarks");
Directory.CreateDirectory(outDir);
var file = Path.Combine(outDir, config.Name == "full" ? "results.json" : $"results-{config.Name}.json");
await File.WriteAllTextAsync(file, Report.Json(config, machine, DateTimeOffset.UtcNow, rows, tableRows, tcpRows, cs, beam, metrics));
Console.WriteLine();
Console.WriteLine($"wrote {file} ({total.Elapsed.TotalSeconds:0} s in all)");
return 0;

static bool IsDebugBuild() =>
    new[] { typeof(Otp.Node).Assembly, Assembly.GetExecutingAssembly() }
        .Any(a => a.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true);

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Labs.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}

/// <summary>The command line.</summary>
internal sealed record Options(bool Quick, string Side, string? Out, IReadOnlyList<string>? Only)
{
    public static Options? Parse(string[] args)
    {
        var quick = false;
        var side = "both";
        string? outDir = null;
        List<string>? only = null;
        var rest = new Queue<string>(args);
        if (rest.TryPeek(out var first) && first == "compare") rest.Dequeue();
        while (rest.TryDequeue(out var a))
        {
            switch (a)
            {
                case "--quick": quick = true; break;
                case "--side" when rest.TryDequeue(out var s) && s is "both" or "csharp" or "beam": side = s; break;
                case "--out" when rest.TryDequeue(out var o): outDir = Path.GetFullPath(o); break;
                case "--only" when rest.TryDequeue(out var b) && CSharpSide.Benchmarks.Contains(b): (only ??= []).Add(b); break;
                default: return null;
            }
        }
        return new(quick, side, outDir, only);
    }
}
