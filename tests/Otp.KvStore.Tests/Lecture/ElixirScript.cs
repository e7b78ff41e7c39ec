using System.Diagnostics;

namespace Otp.KvStore.Tests.Lecture;

/// <summary>
/// Runs an Elixir script of Lecture/Elixir with the real <c>elixir</c> and returns its lines.
/// Where Elixir is not installed the test is skipped with a note, unless <c>OTP_REQUIRE_ERL=1</c>
/// (as in CI), when it fails.
/// </summary>
internal static class ElixirScript
{
    private static readonly string? s_elixir =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "elixir")).FirstOrDefault(File.Exists);

    public static async Task<IReadOnlyList<string>> RunAsync(string script)
    {
        if (s_elixir is null)
        {
            if (Environment.GetEnvironmentVariable("OTP_REQUIRE_ERL") == "1")
                Assert.Fail("elixir is not installed, and OTP_REQUIRE_ERL=1 requires it. Install elixir.");
            Assert.Skip("Elixir is not installed (apt-get install elixir); the comparison with a real Elixir server is skipped.");
        }
        var path = Path.Combine(AppContext.BaseDirectory, "Lecture", "Elixir", script);
        Assert.True(File.Exists(path), $"missing {path}");
        var psi = new ProcessStartInfo(s_elixir!, [path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["ERL_CRASH_DUMP"] = Path.Combine(Path.GetTempPath(), $"kv-{Environment.ProcessId}-erl_crash.dump");
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
