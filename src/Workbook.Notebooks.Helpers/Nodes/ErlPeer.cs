using System.ComponentModel;
using System.Diagnostics;

namespace Workbook.Notebooks.Helpers.Nodes;

/// <summary>
/// A real <c>erl</c> node started by a notebook (through <see cref="LocalCluster.StartErlAsync"/>):
/// a short name on localhost, the loopback interface only, the cluster's EPMD. What it prints is
/// collected as lines. Disposing it kills that <c>erl</c> (by its own process id) and nothing else.
/// </summary>
public sealed class ErlPeer : IAsyncDisposable
{
    private readonly Process _erl;
    private readonly List<string> _lines = [];

    private ErlPeer(Process erl, string name)
    {
        _erl = erl;
        Name = name;
        _erl.OutputDataReceived += (_, e) => { if (e.Data is { } l) lock (_lines) _lines.Add(l); };
        _erl.ErrorDataReceived += (_, e) => { if (e.Data is { } l) lock (_lines) _lines.Add("stderr: " + l); };
        _erl.BeginOutputReadLine();
        _erl.BeginErrorReadLine();
    }

    /// <summary>The node's name, <c>alive@localhost</c>.</summary>
    public string Name { get; }

    /// <summary>Every line the node has printed so far (error output prefixed <c>stderr: </c>).</summary>
    public IReadOnlyList<string> Lines { get { lock (_lines) return [.. _lines]; } }

    /// <summary>Whether <c>erl</c> and <c>erlc</c> are on the PATH.</summary>
    public static bool IsInstalled => Executable("erl") is not null && Executable("erlc") is not null;

    /// <summary>Waits until the node has printed <paramref name="line"/> (at most
    /// <paramref name="limit"/>, 10 s by default) and says whether it did.</summary>
    public async Task<bool> WaitForLineAsync(string line, TimeSpan? limit = null)
    {
        var until = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < until)
        {
            if (Lines.Contains(line)) return true;
            if (_erl.HasExited) return Lines.Contains(line);
            await Task.Delay(20);
        }
        return false;
    }

    internal static ErlPeer Start(string name, string cookie, int epmdPort, string eval, string? codePath)
    {
        var start = new ProcessStartInfo(Executable("erl")!) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        if (codePath is not null) { start.ArgumentList.Add("-pa"); start.ArgumentList.Add(codePath); }
        foreach (var a in new[] { "-sname", name, "-setcookie", cookie, "-noshell", "-kernel", "inet_dist_use_interface", "{127,0,0,1}",
                                  "-kernel", "logger_level", "warning", "-eval", eval })
            start.ArgumentList.Add(a);
        start.Environment["ERL_EPMD_PORT"] = epmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ERL_CRASH_DUMP"] = Path.Combine(Path.GetTempPath(), $"workbook-erl_crash-{Environment.ProcessId}-{name}.dump");
        return new ErlPeer(Process.Start(start)!, name);
    }

    internal static async Task<string> CompileAsync(IEnumerable<string> sources)
    {
        var root = WorkbookRoot.TryFind(Path.GetDirectoryName(typeof(ErlPeer).Assembly.Location)) ?? Directory.GetCurrentDirectory();
        var dir = Directory.CreateTempSubdirectory("workbook-erl-").FullName;
        var start = new ProcessStartInfo(Executable("erlc")!) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(dir);
        foreach (var s in sources) start.ArgumentList.Add(Path.IsPathRooted(s) ? s : Path.Combine(root, s));
        using var erlc = Process.Start(start)!;
        var output = erlc.StandardOutput.ReadToEndAsync();
        var errors = erlc.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await erlc.WaitForExitAsync(limit.Token);
        if (erlc.ExitCode != 0)
            throw new InvalidOperationException($"erlc failed with code {erlc.ExitCode}: {(await output + await errors).Trim()}");
        return dir;
    }

    private static string? Executable(string exe) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, exe)).FirstOrDefault(File.Exists);

    /// <summary>Kills this <c>erl</c> node and waits (at most 10 s) for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_erl.HasExited) _erl.Kill(entireProcessTree: true);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _erl.WaitForExitAsync(limit.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or OperationCanceledException) { }
        _erl.Dispose();
    }
}
