using System.Diagnostics;
using System.Threading.Channels;

namespace Otp.Distribution.Tests.Nodes;

/// <summary>
/// A real <c>erl</c> node for a test: started with a short name on localhost, a cookie, the
/// test's private EPMD port and the loopback interface only; it runs an Erlang expression and
/// its printed lines are read back. Killed (by its own pid) when disposed. Skips the test when
/// Erlang is not installed, unless OTP_REQUIRE_ERL=1.
/// </summary>
public sealed class ErlNode : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];

    private ErlNode(System.Diagnostics.Process process, string name)
    {
        _process = process;
        Name = name;
        _process.OutputDataReceived += (_, e) => { if (e.Data is { } l) _lines.Writer.TryWrite(l); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { } l) _lines.Writer.TryWrite("stderr: " + l); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    /// <summary>The lines read so far by <see cref="LineAsync(Func{string, bool}, TimeSpan?)"/>.</summary>
    public IReadOnlyList<string> Seen => _seen;

    public static string? Executable(string exe) => Workbook.ErlangTools.Find(exe);

    public static void RequireErlang(string exe = "erl") => Workbook.ErlangTools.Require(exe);

    /// <summary>Starts <c>erl -sname {name} -setcookie {cookie}</c> evaluating <paramref name="eval"/>,
    /// with <paramref name="codePath"/> (compiled modules) on its code path if given.</summary>
    public static ErlNode Start(TestCluster cluster, string name, string eval, string cookie = "bookclub", string? codePath = null)
    {
        RequireErlang();
        string[] path = codePath is null ? [] : ["-pa", codePath];
        return Launch(cluster, "erl", name,
            [.. path, "-sname", name, "-setcookie", cookie, "-noshell", "-kernel", "inet_dist_use_interface", "{127,0,0,1}",
             "-kernel", "logger_level", "warning", "-eval", eval]);
    }

    /// <summary>Compiles the Erlang sources <paramref name="sources"/> with erlc into a fresh
    /// temporary directory and returns it (for <c>codePath</c>).</summary>
    public static async Task<string> CompileAsync(params string[] sources)
    {
        RequireErlang("erlc");
        var dir = Directory.CreateTempSubdirectory("otp-erl-").FullName;
        var psi = new ProcessStartInfo(Executable("erlc")!, ["-o", dir, .. sources]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = System.Diagnostics.Process.Start(psi)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var errors = await p.StandardError.ReadToEndAsync(cts.Token) + await p.StandardOutput.ReadToEndAsync(cts.Token);
        await p.WaitForExitAsync(cts.Token);
        Assert.True(p.ExitCode == 0, $"erlc failed: {errors}");
        return dir;
    }

    /// <summary>Starts <c>erl -sname {name}</c> registering with the EPMD at <paramref name="epmdPort"/>.</summary>
    public static ErlNode StartWithEpmdPort(int epmdPort, string name, string eval, string cookie = "bookclub")
    {
        RequireErlang();
        return Launch(epmdPort, "erl", name,
            ["-sname", name, "-setcookie", cookie, "-noshell", "-kernel", "inet_dist_use_interface", "{127,0,0,1}",
             "-kernel", "logger_level", "warning", "-eval", eval]);
    }

    /// <summary>Starts <c>elixir --sname {name} --cookie {cookie} -e {code}</c>.</summary>
    public static ErlNode StartElixir(TestCluster cluster, string name, string code, string cookie = "bookclub")
    {
        RequireErlang("elixir");
        return Launch(cluster, "elixir", name,
            ["--sname", name, "--cookie", cookie, "--erl", "-kernel inet_dist_use_interface {127,0,0,1}", "-e", code]);
    }

    private static ErlNode Launch(TestCluster cluster, string exe, string name, string[] args) => Launch(cluster.EpmdPort, exe, name, args);

    private static ErlNode Launch(int epmdPort, string exe, string name, string[] args)
    {
        var psi = new ProcessStartInfo(Executable(exe)!, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.Environment["ERL_EPMD_PORT"] = epmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["ERL_CRASH_DUMP"] = Path.Combine(Path.GetTempPath(), $"erl_crash_{Guid.NewGuid():N}.dump");
        psi.Environment.Remove("ERL_FLAGS");
        var p = System.Diagnostics.Process.Start(psi)!;
        return new ErlNode(p, name);
    }

    /// <summary>The next printed line that <paramref name="match"/> accepts (earlier ones are kept
    /// for the failure message), within <paramref name="timeout"/> (default 20 s).</summary>
    public async Task<string> LineAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(cts.Token);
                _seen.Add(line);
                if (match(line)) return line;
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{Name} did not print the expected line in time. It printed:\n{string.Join("\n", _seen)}");
            throw;
        }
    }

    public Task<string> LineAsync(string exact, TimeSpan? timeout = null) => LineAsync(l => l == exact, timeout);

    /// <summary>Kills the OS process at once (as a crash or <c>kill -9</c> would).</summary>
    public void Kill()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _process.WaitForExitAsync(cts.Token); } catch (OperationCanceledException) { }
        _process.Dispose();
    }
}
