using System.Diagnostics;
using System.Text;
using Workbook.Grader.Running.Containment;

namespace Workbook.Grader.Running;

/// <summary>How a child process ended.</summary>
/// <param name="ExitCode">Its exit code; meaningless when <paramref name="TimedOut"/>.</param>
/// <param name="TimedOut">True when it was still running at the time limit and was killed (with
/// every process it started).</param>
/// <param name="Output">Standard output and error, interleaved as they arrived, cut to a bounded size.</param>
/// <param name="Elapsed">How long it ran.</param>
public sealed record ChildResult(int ExitCode, bool TimedOut, string Output, TimeSpan Elapsed)
{
    /// <summary>True when it ended by itself with exit code 0.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>Processes it started that were still running when it ended (or was stopped); the
    /// grader ended them. Empty unless the run was contained (<see cref="ChildOptions.Contain"/>).</summary>
    public IReadOnlyList<LeftProcess> LeftRunning { get; init; } = [];

    /// <summary>True when some process outside the child's group still held its output open
    /// after the child ended; the grader stopped reading instead of waiting for it.</summary>
    public bool OutputHeldOpen { get; init; }
}

/// <summary>How to run a child process, beyond its command line.</summary>
public sealed record ChildOptions
{
    /// <summary>Run it in its own process group (job object on Windows), list what it leaves
    /// running, and end all of it when the run ends. For test runs; never for builds, whose
    /// build servers are meant to outlive them.</summary>
    public bool Contain { get; init; }

    /// <summary>Environment variables to set for it (and everything it starts).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long to keep reading its output after it ended, for what is still in the pipes.</summary>
    public TimeSpan OutputGrace { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Runs a command as a child process with a hard time limit. Whatever the child does (loops,
/// crashes, floods its output, leaves processes behind that hold its output open), the caller
/// gets a <see cref="ChildResult"/> back in bounded time: the limit, plus a few seconds.
/// </summary>
public static class ChildProcess
{
    /// <summary>Output beyond this many characters is dropped (the start and the end are kept).</summary>
    public const int MaxOutput = 64 * 1024;

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> in
    /// <paramref name="workingDirectory"/> and waits for it, at most <paramref name="limit"/>.</summary>
    public static async Task<ChildResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit, CancellationToken cancel = default, ChildOptions? options = null)
    {
        options ??= new ChildOptions();
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // A crashing test process must not spend minutes writing a dump.
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        foreach (var (name, value) in options.Environment) info.Environment[name] = value;

        using var containment = options.Contain ? ProcessContainment.ForThisOs() : new NoContainment();
        containment.Prepare(info);

        var output = new BoundedText(MaxOutput);
        var outClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The Exited event, unlike WaitForExitAsync, does not also wait for the end of the output:
        // a grandchild that inherited the pipes (sleep 1000) would hold that end back for good.
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is null) outClosed.TrySetResult(); else output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is null) errClosed.TrySetResult(); else output.AppendLine(e.Data); };
        process.Exited += (_, _) => exited.TrySetResult();
        process.Start();
        containment.Attach(process);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = false;
        try
        {
            await exited.Task.WaitAsync(limit, cancel).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            timedOut = true;
        }
        catch (OperationCanceledException)
        {
            EndAll(process, containment);
            throw;
        }
        var left = containment.Alive(exceptPid: process.Id);
        EndAll(process, containment);
        if (timedOut)
        {
            // Give the kill a moment to land so no orphan keeps files open.
            try { await exited.Task.WaitAsync(TimeSpan.FromSeconds(10), cancel).ConfigureAwait(false); }
            catch (TimeoutException) { /* reported as timed out either way */ }
        }
        var held = false;
        try { await Task.WhenAll(outClosed.Task, errClosed.Task).WaitAsync(options.OutputGrace, cancel).ConfigureAwait(false); }
        catch (TimeoutException) { held = true; }
        var exitCode = !timedOut && process.HasExited ? process.ExitCode : -1;
        return new ChildResult(exitCode, timedOut, output.ToString(), clock.Elapsed) { LeftRunning = left, OutputHeldOpen = held };
    }

    private static void EndAll(Process process, ProcessContainment containment)
    {
        containment.KillAll();
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* it ended already */ }
        catch (System.ComponentModel.Win32Exception) { /* it is ending */ }
    }

    // Keeps the first and last halves of a long output: the start says what ran, the end how it ended.
    private sealed class BoundedText(int max)
    {
        private readonly Lock _gate = new();
        private readonly StringBuilder _head = new();
        private readonly Queue<string> _tail = new();
        private int _tailLength;
        private bool _dropped;
        private bool _headFull;

        public void AppendLine(string line)
        {
            lock (_gate)
            {
                if (!_headFull && _head.Length + line.Length < max / 2) { _head.Append(line).Append('\n'); return; }
                _headFull = true;
                _tail.Enqueue(line);
                _tailLength += line.Length + 1;
                while (_tailLength > max / 2 && _tail.Count > 1)
                {
                    _tailLength -= _tail.Dequeue().Length + 1;
                    _dropped = true;
                }
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                var sb = new StringBuilder(_head.ToString());
                if (_dropped) sb.Append("[... output cut ...]\n");
                foreach (var l in _tail) sb.Append(l).Append('\n');
                return sb.ToString();
            }
        }
    }
}
