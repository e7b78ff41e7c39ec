using Workbook.Notebooks.Documents;
using Workbook.Notebooks.Execution;

namespace Workbook.Notebooks.Checking;

/// <summary>One code cell's fresh run.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Result">What it produced.</param>
public sealed record CellRun(NotebookCell Cell, CellResult Result)
{
    /// <summary>True when the cell failed and is not tagged <c>raises-exception</c> (Jupyter's
    /// tag for a cell that is meant to show an error).</summary>
    public bool Failed => Result.Status != CellStatus.Ok && !Cell.Tags.Contains(NotebookRunner.RaisesExceptionTag);
}

/// <summary>A fresh run of a notebook's code cells, top to bottom.</summary>
/// <param name="Cells">The cells run, in order; the last one is the failure if any.</param>
public sealed record NotebookRun(IReadOnlyList<CellRun> Cells)
{
    /// <summary>The cell that stopped the run, if one did.</summary>
    public CellRun? Failure => Cells.FirstOrDefault(c => c.Failed);
}

/// <summary>
/// Runs a notebook the way "Run All" does: a fresh <see cref="NotebookSession"/> in the
/// notebook's folder, code cells in order, stopping at the first cell that fails (unless it is
/// tagged <c>raises-exception</c>). Each cell gets a time limit, so a hanging cell fails instead
/// of hanging the caller.
/// </summary>
public static class NotebookRunner
{
    /// <summary>The cell tag (Jupyter's own) that marks an error as expected.</summary>
    public const string RaisesExceptionTag = "raises-exception";

    /// <summary>Runs every code cell of <paramref name="notebook"/>.</summary>
    /// <param name="notebook">The notebook; it is not modified (see <see cref="ApplyOutputs"/>).</param>
    /// <param name="notebookDirectory">The folder <c>#r</c> paths are relative to.</param>
    /// <param name="cellTimeout">The longest a cell may run; default one minute.</param>
    /// <param name="cancellationToken">Stops the run (the current cell is interrupted).</param>
    public static async Task<NotebookRun> RunAsync(NotebookDocument notebook, string notebookDirectory,
        TimeSpan? cellTimeout = null, CancellationToken cancellationToken = default)
    {
        using var session = new NotebookSession(new NotebookSessionOptions { BaseDirectory = notebookDirectory });
        var runs = new List<CellRun>();
        foreach (var cell in notebook.CodeCells)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(cellTimeout ?? TimeSpan.FromMinutes(1));
            var result = await session.ExecuteAsync(cell.Source, cancellationToken: limit.Token).ConfigureAwait(false);
            if (result.Status == CellStatus.Interrupted && !cancellationToken.IsCancellationRequested)
                result = result with { Outputs = [.. result.Outputs.SkipLast(1), TimedOut(cellTimeout ?? TimeSpan.FromMinutes(1))] };
            var run = new CellRun(cell, result);
            runs.Add(run);
            if (run.Failed) break;
        }
        return new NotebookRun(runs);
    }

    /// <summary>Writes the fresh outputs into the notebook's cells and names the workbook's kernel
    /// in its metadata. Cells the run did not reach lose their outputs.</summary>
    public static void ApplyOutputs(NotebookDocument notebook, NotebookRun run)
    {
        KernelMetadata.Apply(notebook);
        var byCell = run.Cells.ToDictionary(c => c.Cell.Index);
        foreach (var cell in notebook.CodeCells)
        {
            if (byCell.TryGetValue(cell.Index, out var r)) cell.SetOutputs(r.Result.Outputs, r.Result.ExecutionCount);
            else cell.SetOutputs([], null);
        }
    }

    private static ErrorOutput TimedOut(TimeSpan limit) =>
        new("TimedOut", $"the cell ran longer than {limit.TotalSeconds:0} s", ["The cell was abandoned; check for a receive that never matches or an endless loop."]);
}
