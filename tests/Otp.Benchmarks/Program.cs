using System.Diagnostics;
using System.Reflection;
using Otp.Benchmarks.Benchmarks;
using Otp.Benchmarks.Harness;

// The runtime's benchmarks against the real BEAM, both sides in one run on this machine.
//   dotnet run -c Release --project tests/Otp.Benchmarks -- compare [--quick] [--side both|csharp|beam] [--out DIR]
// Prints a table (medians, ratio C#/BEAM, targets) and writes results.json to artifacts/benchmarks/.
// Exits 0 whenever the benchmarks ran, whatever the figures: targets are reported, never asserted.

var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: Otp.Benchmarks compare [--quick] [--side both|csharp|beam] [--out DIR]
          --quick   small sizes (CI smoke): checks that everything runs and produces numbers
          --side    run one side only (for profiling); default both
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
var progress = (string what) => Console.WriteLine($"  [{total.Elapsed:mm\\:ss}] {what}");

var cs = options.Side == "beam" ? new Samples() : await CSharpSide.RunAsync(config, progress);
var (beam, erlang) = runBeam
    ? await BeamSide.RunAsync(config, options.Quick ? TimeSpan.FromMinutes(3) : TimeSpan.FromMinutes(20), progress)
    : (new Samples(), "");

var machine = MachineInfo.Describe(erlang);
var rows = Comparison.Rows(config, cs, beam);
Console.WriteLine();
Console.WriteLine(machine);
Console.WriteLine();
Console.Write(Report.Table(rows));

string[] benchmarks = ["spawn", "ping_pong", "ring", "scan_receive", "ref_receive"];
var metrics = new List<(string, string)>
{
    ("spawn", "us_per_spawn"), ("spawn", "bytes_per_process"), ("ping_pong", "us_per_round_trip"), ("ring", "ns_per_hop"),
};
foreach (var b in benchmarks[3..])
    metrics.AddRange(config.Backlogs.Select(n => (b, SelectiveReceiveBenchmark.MetricFor(n))));

var outDir = options.Out ?? Path.Combine(RepoRoot(), "artifacts", "benchmarks");
Directory.CreateDirectory(outDir);
var file = Path.Combine(outDir, config.Name == "full" ? "results.json" : $"results-{config.Name}.json");
await File.WriteAllTextAsync(file, Report.Json(config, machine, DateTimeOffset.UtcNow, rows, cs, beam, metrics));
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
internal sealed record Options(bool Quick, string Side, string? Out)
{
    public static Options? Parse(string[] args)
    {
        var quick = false;
        var side = "both";
        string? outDir = null;
        var rest = new Queue<string>(args);
        if (rest.TryPeek(out var first) && first == "compare") rest.Dequeue();
        while (rest.TryDequeue(out var a))
        {
            switch (a)
            {
                case "--quick": quick = true; break;
                case "--side" when rest.TryDequeue(out var s) && s is "both" or "csharp" or "beam": side = s; break;
                case "--out" when rest.TryDequeue(out var o): outDir = Path.GetFullPath(o); break;
                default: return null;
            }
        }
        return new(quick, side, outDir);
    }
}
