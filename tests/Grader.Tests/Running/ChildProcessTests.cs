using Workbook.Grader.Running;

namespace Grader.Tests.Running;

/// <summary>A child that ends while something it started still holds its output pipes must not
/// keep the grader waiting: the run returns as soon as the child itself exits.</summary>
public class ChildProcessTests
{
    // Long enough that a run which waits for the pipes to close is plainly a timeout, short
    // enough that such a failure does not stall the suite.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact(Timeout = 60_000)]
    public async Task A_grandchild_holding_the_output_does_not_stall_an_uncontained_run()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "uses sh and sleep");
        var result = await ChildProcess.RunAsync("sh", ["-c", "sleep 1234 & echo started"], Path.GetTempPath(), Limit,
            TestContext.Current.CancellationToken, new ChildOptions { OutputGrace = TimeSpan.FromSeconds(1) });
        try
        {
            Assert.False(result.TimedOut, "the run waited for the grandchild's end of the pipes instead of the child's exit");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("started", result.Output);
            Assert.True(result.OutputHeldOpen, "the held pipe is reported");
        }
        finally
        {
            // Not contained, so the grader does not end it; the test does (a duration no other
            // test uses, so only this test's sleep matches).
            using var kill = System.Diagnostics.Process.Start("pkill", ["-f", "^sleep 1234$"]);
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_contained_run_ends_the_grandchild_and_names_it()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "uses sh and sleep");
        var result = await ChildProcess.RunAsync("sh", ["-c", "sleep 1235 & echo started"], Path.GetTempPath(), Limit,
            TestContext.Current.CancellationToken, new ChildOptions { Contain = true, OutputGrace = TimeSpan.FromSeconds(1) });
        Assert.False(result.TimedOut, "the run waited for the grandchild's end of the pipes instead of the child's exit");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.LeftRunning, p => p.ToString().Contains("sleep 1235", StringComparison.Ordinal));
    }
}
