using System.Diagnostics;

namespace Otp.Distribution.Tests.Terms;

/// <summary>
/// Runs an escript of Terms/Erlang with the real <c>escript</c>. Where Erlang is not installed the
/// test is skipped with a note, unless <c>OTP_REQUIRE_ERL=1</c> (as in CI), when it fails.
/// </summary>
internal static class Escript
{
    private static readonly string? s_escript =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "escript")).FirstOrDefault(File.Exists);

    public static async Task<IReadOnlyList<string>> RunAsync(string script, params string[] args)
    {
        if (s_escript is null)
        {
            if (Environment.GetEnvironmentVariable("OTP_REQUIRE_ERL") == "1")
                Assert.Fail("escript (Erlang/OTP) is not installed, and OTP_REQUIRE_ERL=1 requires it. Install erlang-base.");
            Assert.Skip("Erlang/OTP is not installed (apt-get install erlang-base); the comparison with real Erlang is skipped.");
        }
        var path = Path.Combine(AppContext.BaseDirectory, "Terms", "Erlang", script);
        Assert.True(File.Exists(path), $"missing {path}");
        var psi = new ProcessStartInfo(s_escript!, [path, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        // A crashing VM must not leave erl_crash.dump in the repository.
        psi.Environment["ERL_CRASH_DUMP"] = Path.Combine(Path.GetTempPath(), $"etf-{Environment.ProcessId}-erl_crash.dump");
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{script} did not finish within 60 s");
        }
        var output = await stdout;
        Assert.True(p.ExitCode == 0, $"{script} exited with {p.ExitCode}:\n{await stderr}\n{output}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
    }
}
