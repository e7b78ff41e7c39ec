using System.Diagnostics;
using System.Globalization;

namespace Otp.Benchmarks.Harness;

/// <summary>
/// The BEAM side: compiles erlang/otp_bench.erl with <c>erlc</c> into a temporary folder
/// (compiled code, never the interpreter), then runs one benchmark per <c>erl</c> invocation;
/// each prints one line per timed repetition.
/// </summary>
internal sealed class BeamSide : IBenchmarkSide
{
    private readonly DirectoryInfo _dir;
    private readonly BenchmarkConfig _config;
    private readonly TimeSpan _timeout;

    private BeamSide(DirectoryInfo dir, BenchmarkConfig config, TimeSpan timeout)
    {
        _dir = dir;
        _config = config;
        _timeout = timeout;
    }

    public string Key => SideKeys.Beam;

    public string Title => "BEAM";

    public bool Has(string benchmark) => CSharpSide.Benchmarks.Contains(benchmark);

    /// <summary>True when <c>erl</c> and <c>erlc</c> are on the PATH.</summary>
    public static bool Available => Which("erl") is not null && Which("erlc") is not null;

    /// <summary>Where the compiled Erlang modules are (for <c>-pa</c>).</summary>
    public string CodePath => _dir.FullName;

    /// <summary>The <c>erl</c> executable.</summary>
    public string Erl => Which("erl")!;

    /// <summary>The emulator's version line, once a benchmark has run.</summary>
    public string System { get; private set; } = "";

    /// <summary>Compiles the Erlang module.</summary>
    public static async Task<BeamSide> CompileAsync(BenchmarkConfig config, TimeSpan timeoutPerBenchmark)
    {
        var sources = new[] { "otp_bench.erl", "otp_tcp_server.erl", "otp_dist_bench.erl" }.Select(f => Path.Combine(AppContext.BaseDirectory, "erlang", f));
        var dir = Directory.CreateTempSubdirectory("otp-bench-");
        try
        {
            await RunToEndAsync(Which("erlc")!, ["-o", dir.FullName, .. sources], dir.FullName, TimeSpan.FromMinutes(1), _ => { });
        }
        catch
        {
            dir.Delete(recursive: true);
            throw;
        }
        return new BeamSide(dir, config, timeoutPerBenchmark);
    }

    /// <summary>Runs one benchmark (warm-up and repetitions) in a fresh emulator.</summary>
    public async Task RunAsync(string benchmark, Samples into)
    {
        if (benchmark == "tcp")
        {
            // The gen_tcp server (erlang/otp_tcp_server.erl), loaded by the same clients as the C# one.
            using var server = await TcpServerProcess.StartBeamAsync(Which("erl")!, _dir.FullName, _config.TcpConnections);
            await TcpComparison.RunAsync(server, _config, into);
            if (System.Length == 0) System = await ErlangVersionAsync();
            return;
        }
        // +P: room for a million processes (the default limit is 262,144).
        string[] args = ["+P", "2000000", "-noshell", "-pa", _dir.FullName, "-run", "otp_bench", "main", benchmark, .. _config.ErlangArguments()];
        var done = false;
        await RunToEndAsync(Which("erl")!, args, _dir.FullName, _timeout, line =>
        {
            var parts = line.Split(' ', 3);
            if (parts[0] == "system") System = line["system ".Length..].Trim();
            else if (parts[0] == "done") done = true;
            else if (parts.Length == 3 && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                into.Add(parts[0], parts[1], value);
            else throw new InvalidOperationException($"unexpected line from the BEAM side: {line}");
        });
        if (!done) throw new InvalidOperationException($"the BEAM side of {benchmark} ended without printing 'done'");
    }

    /// <summary>Reads the emulator's version line into <see cref="System"/> if no benchmark has
    /// (the distribution benchmark runs its own erl nodes).</summary>
    public async Task DescribeAsync()
    {
        if (System.Length == 0) System = await ErlangVersionAsync();
    }

    private async Task<string> ErlangVersionAsync()
    {
        var version = "";
        await RunToEndAsync(Which("erl")!, ["-noshell", "-eval", "io:format(\"~s\", [erlang:system_info(system_version)]), halt()."], _dir.FullName, TimeSpan.FromMinutes(1), l => version += l);
        return version.Trim();
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private static async Task RunToEndAsync(string exe, IEnumerable<string> args, string workDir, TimeSpan timeout, Action<string> onLine)
    {
        var psi = new ProcessStartInfo(exe, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir,
        };
        // A crash dump goes to the benchmark's own temporary folder (deleted afterwards), never
        // to the repository, whatever the working directory.
        psi.Environment["ERL_CRASH_DUMP"] = Path.Combine(workDir, "erl_crash.dump");
        using var p = global::System.Diagnostics.Process.Start(psi) ?? throw new InvalidOperationException($"could not start {exe}");
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await p.StandardOutput.ReadLineAsync(cts.Token) is { } line)
                if (line.Length > 0) onLine(line);
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(exe)} did not finish within {timeout}");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(exe)} exited with {p.ExitCode}: {(await stderr).Trim()}");
    }

    private static string? Which(string exe) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(d => d.Length > 0).Select(d => Path.Combine(d, exe)).FirstOrDefault(File.Exists);
}
