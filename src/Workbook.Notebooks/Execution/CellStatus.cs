namespace Workbook.Notebooks.Execution;

/// <summary>How a cell ended.</summary>
public enum CellStatus
{
    /// <summary>The cell compiled and ran to its end.</summary>
    Ok,

    /// <summary>The cell did not compile, or it threw. Its <see cref="ErrorOutput"/> says which.</summary>
    Error,

    /// <summary>The cell was interrupted (its cancellation token fired) and did not finish within
    /// the grace period: the session abandoned it and keeps the state of the cells before it.
    /// Work the cell started may still be running; <see cref="CellResult.StillRunning"/> says
    /// whether the cell itself has not returned.</summary>
    Interrupted,
}
