using Workbook.Grader.Grading;

namespace Workbook.Grader.Running;

/// <summary>
/// Runs a built xunit v3 test assembly in child processes and returns a result for every test
/// it contains, whatever the tests do. First the whole assembly runs once; if that run hangs past
/// <see cref="GraderSettings.RunLimit"/> or dies without writing its results (a stack overflow,
/// <c>Environment.Exit</c>), or leaves OS processes running, every test runs again on its own,
/// so that only the guilty ones fail, each with a message that says what happened. Every run is
/// contained (a process group, a job object on Windows): whatever it leaves running is listed
/// and ended. Its managed heap is capped (<see cref="GraderSettings.MemoryLimitMegabytes"/>).
/// </summary>
public static class TestRun
{
    private const int OutputLinesInMessages = 8;

    /// <summary>Runs every test in <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The test project's built .dll.</param>
    /// <param name="labName">The lab's project name (for pointing at the lab's code in stack traces).</param>
    /// <param name="settings">Time limits and the root folder.</param>
    /// <param name="progress">Told what is happening, for people watching.</param>
    /// <param name="cancel">Stops the run (the child is killed).</param>
    /// <returns>The results by fully qualified test name, and a problem that concerns the whole
    /// run (null when the runner worked).</returns>
    public static async Task<(IReadOnlyList<TestResult> Results, string? Problem)> RunAsync(
        string assembly, string labName, GraderSettings settings, Action<string>? progress = null, CancellationToken cancel = default)
    {
        var options = Options(settings);
        var names = await ListAsync(assembly, settings, options, cancel).ConfigureAwait(false);
        if (names is null)
            return ([], "The test runner could not list the tests (is the test assembly an xunit v3 executable?).");

        var scratch = Directory.CreateTempSubdirectory("workbook-grader-");
        try
        {
            var all = Path.Combine(scratch.FullName, "all.xml");
            var run = await ChildProcess.RunAsync(settings.Dotnet,
                [assembly, "-noLogo", "-noColor", "-reporter", "quiet", "-xml", all],
                settings.Root, settings.RunLimit, cancel, options).ConfigureAwait(false);
            var results = XunitResults.Read(all, labName, settings.Root);
            if (results is not null && run.LeftRunning.Count == 0)
                return (InSourceOrder(names, results).Select(n => Result(n, results, run, settings)).ToList(), Escaped(run));

            progress?.Invoke(run.LeftRunning.Count > 0
                ? $"the tests left {string.Join(", ", run.LeftRunning)} running (ended now); running each test on its own to find which"
                : run.TimedOut
                ? $"the test run was still going after {settings.RunLimit.TotalSeconds:0} s; running each test on its own"
                : $"the test process ended without results (exit code {run.ExitCode}); running each test on its own");
            var isolated = new Dictionary<string, TestResult>();
            var found = new Dictionary<string, XunitEntry>();
            for (var i = 0; i < names.Count; i++)
            {
                var file = Path.Combine(scratch.FullName, $"test{i}.xml");
                var one = await ChildProcess.RunAsync(settings.Dotnet,
                    [assembly, "-noLogo", "-noColor", "-reporter", "quiet", "-parallel", "none", "-method", names[i], "-xml", file],
                    settings.Root, settings.TestLimit, cancel, options).ConfigureAwait(false);
                var entries = XunitResults.Read(file, labName, settings.Root);
                if (entries?.GetValueOrDefault(names[i]) is { } entry) found[names[i]] = entry;
                isolated[names[i]] = Result(names[i], entries, one, settings);
            }
            return (InSourceOrder(names, found).Select(n => isolated[n]).ToList(), Escaped(run));
        }
        finally
        {
            try { scratch.Delete(recursive: true); }
            catch (IOException) { /* a killed child may still hold a file for a moment */ }
        }
    }

    // Every run of lab code: contained, and with a capped heap (the GC reads its hard limit, in
    // bytes and hexadecimal, from the environment; the runtime config of a learner's project cannot
    // lift it, the environment wins).
    private static ChildOptions Options(GraderSettings settings)
    {
        var environment = new Dictionary<string, string>();
        if (settings.MemoryLimitMegabytes > 0)
            environment["DOTNET_GCHeapHardLimit"] = ((long)settings.MemoryLimitMegabytes * 1024 * 1024).ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        return new ChildOptions { Contain = true, Environment = environment };
    }

    // A process that left the run's group (a new session) cannot be listed or ended; that it
    // still held the output open is the one trace it leaves.
    private static string? Escaped(ChildResult run) => run.OutputHeldOpen
        ? "A process started by the tests left their process group and still held their output open after they ended; " +
          "the grader stopped waiting for it, but could not end it."
        : null;

    // The fully qualified names of the test methods (xunit's "-list methods").
    private static async Task<IReadOnlyList<string>?> ListAsync(string assembly, GraderSettings settings, ChildOptions options, CancellationToken cancel)
    {
        var list = await ChildProcess.RunAsync(settings.Dotnet, [assembly, "-list", "methods", "-noColor"],
            settings.Root, TimeSpan.FromMinutes(1), cancel, options).ConfigureAwait(false);
        if (!list.Succeeded) return null;
        return [.. list.Output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l.Contains('.') && !l.Contains(' ') && !l.Contains('\u001b'))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    // Tests in the order they are written (so a task's first failure is its first test), where
    // the runner reported their place; tests it did not report keep name order, after those.
    private static IEnumerable<string> InSourceOrder(IReadOnlyList<string> names, IReadOnlyDictionary<string, XunitEntry> entries) =>
        names.OrderBy(n => entries.GetValueOrDefault(n) is { SourceFile: { } f } ? f : "\uffff", StringComparer.Ordinal)
             .ThenBy(n => entries.GetValueOrDefault(n)?.SourceLine ?? int.MaxValue)
             .ThenBy(n => n, StringComparer.Ordinal);

    private static TestResult Result(string name, IReadOnlyDictionary<string, XunitEntry>? results, ChildResult run, GraderSettings settings)
    {
        var result = Outcome(name, results, run, settings);
        if (run.LeftRunning.Count == 0) return result;
        // Processes a test starts are its own business only while it runs.
        var left = $"The test left {(run.LeftRunning.Count == 1 ? "an OS process" : "OS processes")} running after it ended, " +
            $"so the grader ended {(run.LeftRunning.Count == 1 ? "it" : "them")}: {string.Join(", ", run.LeftRunning)}. " +
            "Wait for every process you start to finish (or end it) before the task returns.";
        return result with
        {
            Outcome = result.Outcome == TestOutcome.Passed ? TestOutcome.Failed : result.Outcome,
            Message = result.Message is null ? left : result.Message + "\n" + left,
            LeftRunning = [.. run.LeftRunning.Select(p => p.ToString())],
        };
    }

    private static TestResult Outcome(string name, IReadOnlyDictionary<string, XunitEntry>? results, ChildResult run, GraderSettings settings)
    {
        var task = Workbook.Testing.TaskNaming.TaskOf(name);
        if (results is not null && results.TryGetValue(name, out var r))
            return new TestResult(name, task, r.Outcome, OutOfMemory(r.Message, settings));
        if (run.TimedOut)
            return new TestResult(name, task, TestOutcome.TimedOut,
                $"Still running after {settings.TestLimit.TotalSeconds:0} s, so the grader stopped it. An endless loop, or a thread " +
                "blocked for good (Thread.Sleep, .Result, .Wait(), a lock)?" + Tail(run.Output));
        if (results is null && run.Output.Contains("OutOfMemoryException", StringComparison.Ordinal))
            return new TestResult(name, task, TestOutcome.Crashed,
                $"The test process ran out of memory: {MemoryAdvice(settings)}" + Tail(run.Output));
        if (results is null)
            return new TestResult(name, task, TestOutcome.Crashed,
                $"The test process crashed (exit code {run.ExitCode}) before this test could report. A stack overflow " +
                "(a method that calls itself without end?) or something that ends the process (Environment.Exit)?" + Tail(run.Output));
        return new TestResult(name, task, TestOutcome.NotRun, "The test runner did not report this test.");
    }

    // The runtime's own words ("Exception of type 'System.OutOfMemoryException' was thrown.") do not
    // say that the grader set a limit, nor which.
    private static string? OutOfMemory(string? message, GraderSettings settings) =>
        message is not null && message.Contains("OutOfMemoryException", StringComparison.Ordinal)
            ? $"Out of memory: {MemoryAdvice(settings)}\n{message}"
            : message;

    private static string MemoryAdvice(GraderSettings settings) =>
        (settings.MemoryLimitMegabytes > 0
            ? $"the test used more than the {settings.MemoryLimitMegabytes} MB the grader allows a lab's tests (--memory-limit). "
            : "the machine could not give the test more memory. ") +
        "A loop that keeps adding to a list, or a mailbox that fills faster than it is read?";

    private static string Tail(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd())
            .Where(l => !l.StartsWith("   at ", StringComparison.Ordinal) || l.Contains("Lab", StringComparison.Ordinal))
            .ToList();
        if (lines.Count == 0) return "";
        return "\nWhat the test process printed:\n" + string.Join('\n', lines.Distinct().Take(OutputLinesInMessages));
    }
}
