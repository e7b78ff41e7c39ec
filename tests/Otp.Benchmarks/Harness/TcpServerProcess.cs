using System.Diagnostics;
using System.Reflection;

namespace Otp.Benchmarks.Harness;

/// <summary>
/// One server of the TCP benchmark running in a process of its own (the runtime's server through
/// <see cref="TcpServerHost"/>, or the gen_tcp server on <c>erl</c>): started, asked for its port,
/// measured (resident memory from <c>/proc</c>, and the runtime's own count), and stopped by closing its standard input.
/// </summary>
internal sealed class TcpServerProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;

    private TcpServerProcess(System.Diagnostics.Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The limits both servers get: room for every connection of the run, the default
    /// line length, an idle timeout longer than any run.</summary>
    public static string[] LimitArguments(int connections) => [(connections + 100).ToString(), "1024", "600000"];

    /// <summary>The runtime's server: this program again, with <c>serve-tcp</c>.</summary>
    public static Task<TcpServerProcess> StartCSharpAsync(int connections)
    {
        var self = Environment.ProcessPath!;
        // Run as `dotnet Otp.Benchmarks.dll`, the host is dotnet and the program is an argument.
        string[] prefix = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [Assembly.GetExecutingAssembly().Location] : [];
        return StartAsync(self, [.. prefix, "serve-tcp", .. LimitArguments(connections)], null);
    }

    /// <summary>The gen_tcp server, compiled by <see cref="BeamSide"/> into <paramref name="beamDir"/>.</summary>
    public static Task<TcpServerProcess> StartBeamAsync(string erl, string beamDir, int connections) =>
        StartAsync(erl, ["-noshell", "-pa", beamDir, "-run", "otp_tcp_server", "main", .. LimitArguments(connections)], beamDir);

    private static async Task<TcpServerProcess> StartAsync(string exe, string[] args, string? workDir)
    {
        var psi = new ProcessStartInfo(exe, args)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (workDir is not null)
        {
            psi.WorkingDirectory = workDir;
            psi.Environment["ERL_CRASH_DUMP"] = Path.Combine(workDir, "erl_crash.dump");
        }
        var p = System.Diagnostics.Process.Start(psi) ?? throw new InvalidOperationException($"could not start {exe}");
        _ = p.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var line = await p.StandardOutput.ReadLineAsync(limit.Token);
            if (line is null || !line.StartsWith("port ", StringComparison.Ordinal))
                throw new InvalidOperationException($"{Path.GetFileName(exe)} did not report its port (said: {line ?? "nothing"})");
            return new TcpServerProcess(p, int.Parse(line["port ".Length..]));
        }
        catch
        {
            p.Kill(entireProcessTree: true);
            p.Dispose();
            throw;
        }
    }

    /// <summary>The server's resident memory in bytes (Linux); null where /proc is not there.</summary>
    public long? ResidentBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The server's own count of its memory in bytes: the managed heap after a full
    /// collection (.NET), <c>erlang:memory(total)</c> after collecting every process (BEAM).</summary>
    public async Task<long> RuntimeMemoryAsync()
    {
        await _process.StandardInput.WriteLineAsync("memory");
        await _process.StandardInput.FlushAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await _process.StandardOutput.ReadLineAsync(limit.Token);
        return line is not null && line.StartsWith("memory ", StringComparison.Ordinal)
            ? long.Parse(line["memory ".Length..])
            : throw new InvalidOperationException($"the server answered \"{line}\" to \"memory\"");
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already gone.
        }
        _process.Dispose();
    }
}
