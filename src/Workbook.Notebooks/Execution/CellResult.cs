namespace Workbook.Notebooks.Execution;

/// <summary>What running one cell produced.</summary>
/// <param name="ExecutionCount">The cell's number in this session (1 for the first cell run).</param>
/// <param name="Status">How the cell ended.</param>
/// <param name="Outputs">Every output, in the order produced; the last one is the error when
/// <paramref name="Status"/> is not <see cref="CellStatus.Ok"/>.</param>
/// <param name="StillRunning">True when the cell was abandoned while its code had not returned
/// (an endless loop or a receive that never matches).</param>
public sealed record CellResult(int ExecutionCount, CellStatus Status, IReadOnlyList<CellOutput> Outputs, bool StillRunning = false)
{
    /// <summary>The error that ended the cell, if any.</summary>
    public ErrorOutput? Error => Outputs.OfType<ErrorOutput>().LastOrDefault();
}
