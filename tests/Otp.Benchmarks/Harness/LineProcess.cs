using System.Diagnostics;
using System.Threading.Channels;

namespace Otp.Benchmarks.Harness;

/// <summary>
/// A node of the distribution benchmark in an OS process of its own (a C# node through
/// <see cref="DistributionNodeHost"/>, or <c>erl</c>), talked to line by line: commands on its
/// standard input, one answer line each on its standard output. Every wait is bounded; disposing
/// closes its input (the node halts) and kills it, by its own process, if it is still there.
/// </summary>
internal sealed class LineProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _errors = [];

    private LineProcess(System.Diagnostics.Process process, string what)
    {
        _process = process;
        What = what;
        _process.OutputDataReceived += (_, e) => { if (e.Data is { } l) _lines.Writer.TryWrite(l); else _lines.Writer.TryComplete(); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { } l) lock (_errors) _errors.Add(l); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>What this process is, for error messages.</summary>
    public string What { get; }

    /// <summary>Starts <paramref name="exe"/> with <paramref name="environment"/> added to its
    /// environment, and waits for its first line, which must be <c>up</c>.</summary>
    public static async Task<LineProcess> StartAsync(string what, string exe, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string? workDir = null)
    {
        var psi = new ProcessStartInfo(exe, args)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (workDir is not null) psi.WorkingDirectory = workDir;
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        psi.Environment.Remove("ERL_FLAGS");
        // A profiler started with the harness (dotnet-trace collect -- ...) must not hold the
        // nodes it starts suspended, waiting for a tracer of their own.
        psi.Environment.Remove("DOTNET_DiagnosticPorts");
        var p = new LineProcess(System.Diagnostics.Process.Start(psi) ?? throw new InvalidOperationException($"could not start {exe}"), what);
        try
        {
            await p.ExpectAsync("up", TimeSpan.FromSeconds(60));
            return p;
        }
        catch
        {
            p.Dispose();
            throw;
        }
    }

    /// <summary>Sends one command and returns the answer line.</summary>
    public async Task<string> AskAsync(string command, TimeSpan timeout)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        return await LineAsync(timeout);
    }

    /// <summary>Waits for the line <paramref name="expected"/>.</summary>
    public async Task ExpectAsync(string expected, TimeSpan timeout)
    {
        var line = await LineAsync(timeout);
        if (line != expected) throw new InvalidOperationException($"{What} said \"{line}\", not \"{expected}\"{Errors()}");
    }

    private async Task<string> LineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _lines.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{What} did not answer within {timeout}{Errors()}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"{What} ended{Errors()}");
        }
    }

    private string Errors()
    {
        lock (_errors) return _errors.Count == 0 ? "" : ": " + string.Join(" | ", _errors.TakeLast(5));
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // It had already gone.
        }
        _process.Dispose();
    }
}
