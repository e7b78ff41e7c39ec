using System.Diagnostics;
using System.Text;

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
}

/// <summary>
/// Runs a command as a child process with a hard time limit. Whatever the child does (loops,
/// crashes, floods its output), the caller gets a <see cref="ChildResult"/> back in bounded time.
/// </summary>
public static class ChildProcess
{
    /// <summary>Output beyond this many characters is dropped (the start and the end are kept).</summary>
    public const int MaxOutput = 64 * 1024;

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> in
    /// <paramref name="workingDirectory"/> and waits for it, at most <paramref name="limit"/>.</summary>
    public static async Task<ChildResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit, CancellationToken cancel = default)
    {
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

        var output = new BoundedText(MaxOutput);
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(limit);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { /* it ended just now */ }
            // Give the kill a moment to land so no orphan keeps files open.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await process.WaitForExitAsync(grace.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { /* reported as timed out either way */ }
            cancel.ThrowIfCancellationRequested();
        }
        if (!timedOut) process.WaitForExit(); // flushes the asynchronous output readers
        return new ChildResult(timedOut ? -1 : process.ExitCode, timedOut, output.ToString(), clock.Elapsed);
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
