namespace Workbook.Grader.Grading;

/// <summary>How one grading test ended.</summary>
public enum TestOutcome
{
    /// <summary>It passed.</summary>
    Passed,
    /// <summary>An assertion or an exception failed it.</summary>
    Failed,
    /// <summary>It took the whole test process down (a stack overflow, Environment.Exit, ...).</summary>
    Crashed,
    /// <summary>It was still running at the grader's time limit (an endless loop, a blocked thread).</summary>
    TimedOut,
    /// <summary>It did not run: the lab does not compile, or the test runner could not start.</summary>
    NotRun,
}
