using System.Diagnostics;
using System.Globalization;

namespace Otp.Benchmarks.Harness;

/// <summary>
/// Runs the BEAM side: compiles erlang/otp_bench.erl with <c>erlc</c> into a temporary folder
/// (compiled code, never the interpreter) and runs it with <c>erl</c>, which prints one line per
/// timed repetition.
/// </summary>
internal static class BeamSide
{
    /// <summary>True when <c>erl</c> and <c>erlc</c> are on the PATH.</summary>
    public static bool Available => Which("erl") is not null && Which("erlc") is not null;

    /// <summary>Runs every benchmark; returns the samples and the emulator's version line.</summary>
    public static async Task<(Samples Samples, string System)> RunAsync(BenchmarkConfig config, TimeSpan timeout, Action<string> progress)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "erlang", "otp_bench.erl");
        var dir = Directory.CreateTempSubdirectory("otp-bench-");
        try
        {
            await RunToEndAsync(Which("erlc")!, ["-o", dir.FullName, source], dir.FullName, TimeSpan.FromMinutes(1), _ => { });
            var samples = new Samples();
            var system = "";
            // +P: room for a million processes (the default limit is 262,144).
            string[] args = ["+P", "2000000", "-noshell", "-pa", dir.FullName, "-run", "otp_bench", "main", .. config.ErlangArguments()];
            var seen = new HashSet<string>();
            var done = false;
            await RunToEndAsync(Which("erl")!, args, dir.FullName, timeout, line =>
            {
                var parts = line.Split(' ', 3);
                if (parts[0] == "system") system = line["system ".Length..].Trim();
                else if (parts[0] == "done") done = true;
                else if (parts.Length == 3 && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    if (seen.Add(parts[0])) progress($"BEAM {parts[0]}");
                    samples.Add(parts[0], parts[1], value);
                }
                else throw new InvalidOperationException($"unexpected line from the BEAM side: {line}");
            });
            if (!done) throw new InvalidOperationException("the BEAM side ended without printing 'done'");
            return (samples, system);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task RunToEndAsync(string exe, IEnumerable<string> args, string workDir, TimeSpan timeout, Action<string> onLine)
    {
        var psi = new ProcessStartInfo(exe, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir, // where a crash dump would land: deleted afterwards
        };
        using var p = System.Diagnostics.Process.Start(psi) ?? throw new InvalidOperationException($"could not start {exe}");
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
