using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace Otp.KvStore.Tests.Cluster;

/// <summary>
/// One node of the clustered store as its own OS process: the store's command line
/// (<c>Otp.KvStore.dll --sname ... --hosts ... --http 0</c>) run with <c>dotnet</c>, registered with
/// the test's private EPMD, serving HTTP on a loopback port it picks and prints. Killed by its own
/// pid (as <c>kill -9</c> would) when the test says so or at the end.
/// </summary>
internal sealed partial class KvNodeProcess : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];

    private KvNodeProcess(System.Diagnostics.Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is { } l) _lines.Writer.TryWrite(l); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { } l) _lines.Writer.TryWrite("stderr: " + l); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The HTTP API's base address, once started.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1:1/");

    /// <summary>Starts the node and waits (up to 90 s) until its HTTP API listens.</summary>
    public static async Task<KvNodeProcess> StartAsync(string name, IReadOnlyList<string> hosts, int epmdPort, int w, int syncMs, string sync = "full")
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Otp.KvStore.dll");
        Assert.True(File.Exists(dll), $"missing {dll}");
        var psi = new ProcessStartInfo("dotnet",
            [dll, "--sname", name, "--cookie", "kvfault", "--http", "0", "--hosts", string.Join(",", hosts),
             "--w", w.ToString(CultureInfo.InvariantCulture), "--sync-ms", syncMs.ToString(CultureInfo.InvariantCulture), "--sync", sync])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture);
        var node = new KvNodeProcess(System.Diagnostics.Process.Start(psi)!);
        var line = await node.LineAsync(l => l.StartsWith("kv: HTTP API on ", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
        node.BaseAddress = new Uri(Url().Match(line).Groups[1].Value);
        return node;
    }

    [GeneratedRegex(@"^kv: HTTP API on (http://\S+/) ")]
    private static partial Regex Url();

    private async Task<string> LineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
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
            Assert.Fail($"the node did not start in time. It printed:\n{string.Join("\n", _seen)}");
            throw;
        }
    }

    /// <summary>Kills the process at once.</summary>
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
