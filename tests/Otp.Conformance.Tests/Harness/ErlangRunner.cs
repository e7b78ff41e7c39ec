using System.Diagnostics;

namespace Otp.Conformance.Tests.Harness;

/// <summary>
/// Runs an Erlang scenario with the real <c>escript</c> and returns the lines it printed.
/// Where Erlang is not installed the test is skipped, unless the environment variable
/// <c>OTP_REQUIRE_ERL=1</c> is set (CI sets it), in which case it fails.
/// </summary>
public static class ErlangRunner
{
    private static readonly string? Escript = Which("escript");

    /// <summary>True if escript is on the PATH.</summary>
    public static bool Available => Escript is not null;

    /// <summary>Runs <paramref name="scenario"/> (a path under tests/Otp.Conformance.Tests/Scenarios,
    /// without the .escript extension) and returns its standard output lines.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(string scenario, TimeSpan? timeout = null)
    {
        if (Escript is null)
        {
            if (Environment.GetEnvironmentVariable("OTP_REQUIRE_ERL") == "1")
                Assert.Fail("escript (Erlang/OTP) is not installed, and OTP_REQUIRE_ERL=1 requires it. Install erlang-base.");
            Assert.Skip("Erlang/OTP is not installed (apt-get install erlang-base); the comparison with real Erlang is skipped.");
        }
        var path = Path.Combine(RepoPaths.Root, "tests", "Otp.Conformance.Tests", "Scenarios", scenario + ".escript");
        Assert.True(File.Exists(path), $"missing Erlang scenario {path}");
        var psi = new ProcessStartInfo(Escript!, [path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Crash reports of processes that end abnormally are the logger's, not the scenario's
        // observations; silence them so stdout holds only what the scenario prints.
        psi.Environment["ERL_FLAGS"] = "-kernel logger_level none";
        // A scenario that crashes the VM must not leave erl_crash.dump in the repository.
        psi.Environment["ERL_CRASH_DUMP"] = Path.Combine(Path.GetTempPath(), $"otp-conformance-{scenario.Replace('/', '-')}-erl_crash.dump");
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"Erlang scenario {scenario} did not finish in time");
        }
        var output = await stdout;
        Assert.True(p.ExitCode == 0, $"Erlang scenario {scenario} exited with {p.ExitCode}:\n{await stderr}\n{output}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
    }

    private static string? Which(string exe) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, exe)).FirstOrDefault(File.Exists);
}
