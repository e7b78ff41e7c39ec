namespace Otp.Conformance.Tests.Harness;

/// <summary>
/// Runs an Erlang scenario with the real <c>escript</c> and returns the lines it printed.
/// Where Erlang is not installed the test is skipped, unless the environment variable
/// <c>OTP_REQUIRE_ERL=1</c> is set (CI sets it), in which case it fails.
/// </summary>
public static class ErlangRunner
{
    /// <summary>True if escript is on the PATH.</summary>
    public static bool Available => Workbook.ErlangTools.Find("escript") is not null;

    /// <summary>Runs <paramref name="scenario"/> (a path under tests/Otp.Conformance.Tests/Scenarios,
    /// without the .escript extension) and returns its standard output lines.</summary>
    public static Task<IReadOnlyList<string>> RunAsync(string scenario, TimeSpan? timeout = null) =>
        Workbook.ErlangTools.RunScriptAsync(
            "escript", Path.Combine(RepoPaths.Root, "tests", "Otp.Conformance.Tests", "Scenarios", scenario + ".escript"),
            // Crash reports of processes that end abnormally are the logger's, not the scenario's
            // observations; silence them so stdout holds only what the scenario prints.
            environment: new Dictionary<string, string> { ["ERL_FLAGS"] = "-kernel logger_level none" },
            timeout: timeout);
}
