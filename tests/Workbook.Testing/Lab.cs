using Otp;

namespace Workbook.Testing;

/// <summary>
/// Runs a student's code inside a deterministic node (one scheduler thread, virtual clock, trace
/// on) with two guards, so that a mistake becomes a failed test with a message that says what
/// went wrong instead of a hung test run:
/// <list type="bullet">
/// <item>a virtual-time limit: when every process waits and nothing is due (a deadlock, a
/// message never sent) the run fails at once, however long the limit;</item>
/// <item>a real-time limit: code that never gives the scheduler back (an endless loop without
/// <c>await</c>, <c>Thread.Sleep</c>, <c>.Result</c>) fails after a few seconds.</item>
/// </list>
/// Use it with <c>[Fact(Timeout = Lab.TestTimeout)]</c>, the last line of defence.
/// </summary>
public static partial class Lab
{
    /// <summary>Milliseconds for <c>[Fact(Timeout = Lab.TestTimeout)]</c> on every lab test;
    /// longer than <see cref="DefaultRealTime"/> so the clearer message of this class wins.</summary>
    public const int TestTimeout = 20_000;

    /// <summary>Milliseconds for lab tests that compile C# while they run (Lab 4 compiles module
    /// versions with Roslyn): a first compilation alone can take over 20 s on a loaded two-core
    /// machine, and a slow compiler is not the learner's fault.</summary>
    public const int CompilingTestTimeout = 90_000;

    /// <summary>How long a run may take on the wall clock by default.</summary>
    public static readonly TimeSpan DefaultRealTime = TimeSpan.FromSeconds(5);

    /// <summary>How much virtual time a run may use by default.</summary>
    public static readonly TimeSpan DefaultVirtualTime = TimeSpan.FromMinutes(5);

    private const int TraceLinesInMessages = 15;

    /// <summary>
    /// Runs <paramref name="body"/> as the root process of a new deterministic node and returns
    /// its result with the node's trace.
    /// </summary>
    /// <param name="body">The test's scenario; it calls the student's code.</param>
    /// <param name="virtualTime">The virtual time the run may use (<see cref="DefaultVirtualTime"/>).</param>
    /// <param name="realTime">The wall-clock time the run may take (<see cref="DefaultRealTime"/>).</param>
    /// <param name="seed">Null to run ready processes first come, first served; a number for
    /// another reproducible interleaving (see <c>Node.StartDeterministic</c>).</param>
    /// <exception cref="LabRunException">The run deadlocked or ran out of either time.</exception>
    /// <remarks>An exception that ends the root process (a <see cref="NotImplementedException"/>
    /// from a starter, a failed assertion) is rethrown unchanged.</remarks>
    public static async Task<LabRun<T>> RunAsync<T>(Func<Process, Task<T>> body, TimeSpan? virtualTime = null, TimeSpan? realTime = null, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var node = Node.StartDeterministic(seed);
        var run = node.RunAsync(body, virtualTime ?? DefaultVirtualTime);
        var limit = realTime ?? DefaultRealTime;
        if (await Task.WhenAny(run, Task.Delay(limit)).ConfigureAwait(false) != run)
        {
            // The scheduler thread may be stuck in the student's loop for good; it is a background
            // thread, so it cannot keep the test process alive. Dispose stops it if it ever returns.
            node.Dispose();
            throw new LabRunException(
                $"The code was still running after {limit.TotalSeconds:0.#} s of real time. A process is probably in a loop " +
                "that never awaits (for example while (true) without await Receive), or blocks its thread " +
                "(Thread.Sleep, .Result, .Wait()). Processes must wait with await: Receive, Sleep or Yield." + Tail(node));
        }
        try
        {
            var result = await run.ConfigureAwait(false);
            return new LabRun<T>(result, node.Trace?.ToText() ?? "");
        }
        catch (TimeoutException ex)
        {
            throw new LabRunException(
                "The run never finished: every process is waiting for a message and no timer is due, so nothing can " +
                "happen any more. A deadlock, a reply sent to the wrong pid, or a message nobody sends? " +
                $"({ex.Message})" + Tail(node), ex);
        }
        finally
        {
            node.Dispose();
        }
    }

    /// <summary>As <see cref="RunAsync{T}"/>, for a scenario without a result.</summary>
    public static async Task<LabRun<bool>> RunAsync(Func<Process, Task> body, TimeSpan? virtualTime = null, TimeSpan? realTime = null, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await RunAsync(async self => { await body(self).ConfigureAwait(true); return true; }, virtualTime, realTime, seed).ConfigureAwait(false);
    }

    // The end of the trace, and first any process that crashed on the way: a crash in a spawned
    // process is the usual reason the root waits for ever, and it is easy to miss in a trace.
    private static string Tail(Node node) => Tail(node.Trace);

    private static string Tail(Otp.Tracing.TraceLog? trace)
    {
        if (trace is null) return "";
        var crashes = trace.Events
            .Where(e => e.Kind == Otp.Tracing.TraceKind.Exit && e.Detail is ExitReason { Exception: not null })
            .Select(e => $"  {trace.NameOf(e.Actor)}: {((ExitReason)e.Detail!).Exception!.GetType().Name}: {((ExitReason)e.Detail!).Exception!.Message}")
            .ToList();
        var text = crashes.Count == 0 ? "" : "\nProcesses that crashed:\n" + string.Join('\n', crashes);
        var lines = trace.ToText().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) return text;
        var shown = lines.TakeLast(TraceLinesInMessages);
        return text + $"\nThe last {Math.Min(lines.Length, TraceLinesInMessages)} of {lines.Length} trace events:\n" + string.Join('\n', shown);
    }
}
