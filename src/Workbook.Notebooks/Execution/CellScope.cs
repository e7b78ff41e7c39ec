namespace Workbook.Notebooks.Execution;

/// <summary>
/// The cell a piece of code belongs to. It travels with the execution context, so tasks, threads
/// and processes a cell starts (processes: the runtime starts them in their spawner's context)
/// carry it, and their console output can be told apart from the output of the cell that runs
/// later.
/// </summary>
internal sealed class CellScope(NotebookSession session, int cell)
{
    public NotebookSession Session { get; } = session;

    /// <summary>The cell's number, as in <c>In [n]</c>.</summary>
    public int Cell { get; } = cell;
}
