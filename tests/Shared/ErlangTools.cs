using System.Diagnostics;

namespace Workbook;

/// <summary>
/// The real Erlang/OTP and Elixir, for the tests that compare the workbook with them: finds
/// <c>erl</c>, <c>erlc</c>, <c>escript</c>, <c>elixir</c> or <c>iex</c> on the PATH, applies one
/// policy when a program is missing, and runs a script to completion. One source, compiled into
/// each test project that sets <c>&lt;UsesErlangTools&gt;true&lt;/UsesErlangTools&gt;</c> (see
/// Directory.Build.targets), as those projects share no test library.
/// </summary>
/// <remarks>
/// The policy: a test that needs a missing program is skipped with a note saying what to install,
/// unless the environment variable <c>OTP_REQUIRE_ERL=1</c> is set (CI sets it), when it fails,
/// so a comparison with the real thing can never pass by not running.
/// </remarks>
internal static class ErlangTools
{
    /// <summary>The full path of <paramref name="program"/> on the PATH, or null.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    /// <summary>The full path of <paramref name="program"/>; when it is not installed, skips the
    /// calling test, or fails it under <c>OTP_REQUIRE_ERL=1</c>.</summary>
    public static string Require(string program)
    {
        if (Find(program) is { } path) return path;
        var package = program is "elixir" or "iex" or "mix" ? "elixir" : "erlang-base";
        if (Environment.GetEnvironmentVariable("OTP_REQUIRE_ERL") == "1")
            Assert.Fail($"{program} is not installed, and OTP_REQUIRE_ERL=1 requires it. Install {package}.");
        Assert.Skip($"{program} is not installed (apt-get install {package}); the comparison with the real thing is skipped.");
        return "";   // not reached: Skip throws
    }

    /// <summary>Runs <paramref name="program"/> (for example <c>escript</c> or <c>elixir</c>) on
    /// <paramref name="script"/> with <paramref name="arguments"/>, and returns the lines it printed on
    /// standard output. Fails the test when it exits with an error (showing its standard error) or
    /// runs longer than <paramref name="timeout"/> (60 s by default; it is then killed). A crashing
    /// VM writes its crash dump to the temporary folder, never into the repository.</summary>
    public static async Task<IReadOnlyList<string>> RunScriptAsync(
        string program, string script, IEnumerable<string>? arguments = null,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var exe = Require(program);
        Assert.True(File.Exists(script), $"missing {script}");
        var info = new ProcessStartInfo(exe, [script, .. arguments ?? []])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        info.Environment["ERL_CRASH_DUMP"] = Path.Combine(Path.GetTempPath(), $"{program}-{Environment.ProcessId}-{Guid.NewGuid():N}-erl_crash.dump");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(script)} did not finish within {limit.TotalSeconds:0} s");
        }
        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(script)} exited with {process.ExitCode}:\n{await stderr}\n{output}");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
    }
}
