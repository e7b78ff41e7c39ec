using Workbook.Notebooks.Checking;
using Workbook.Notebooks.Documents;

namespace Workbook.Notebooks.Tests;

// Every chapter notebook (and the engine's own sample) runs top to bottom, and its committed
// outputs equal a fresh run's. To regenerate after a change:
//   dotnet run --project src/Workbook.Notebooks.Cli -- run notebooks/NN-topic.ipynb
[Collection(nameof(ConsoleCapturing))]
public sealed class CommittedNotebookTests
{
    public static TheoryData<string> Notebooks()
    {
        var chapters = Directory.Exists(Path.Combine(Repository.Root, "notebooks"))
            ? Directory.EnumerateFiles(Path.Combine(Repository.Root, "notebooks"), "*.ipynb")
            : [];
        var all = chapters.Concat(Directory.EnumerateFiles(Repository.Samples, "*.ipynb"))
            .Select(p => Path.GetRelativePath(Repository.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        return [.. all];
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Committed_outputs_are_current(string notebookPath)
    {
        var path = Path.Combine(Repository.Root, notebookPath);
        var notebook = IpynbFormat.Load(path);
        var run = await NotebookRunner.RunAsync(notebook, Path.GetDirectoryName(path)!, cancellationToken: TestContext.Current.CancellationToken);
        var problems = OutputCheck.Compare(notebook, run, new OutputScrubber(Repository.Root));
        Assert.True(problems.Count == 0,
            $"{notebookPath}:\n{string.Join("\n", problems)}\n" +
            $"Regenerate with: dotnet run --project src/Workbook.Notebooks.Cli -- run {notebookPath}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebooks_are_stored_the_way_Jupyter_writes_them(string notebookPath)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, notebookPath));
        Assert.Equal(text.ReplaceLineEndings("\n"), IpynbFormat.Serialize(IpynbFormat.Parse(text)));
    }

    // docs/notebooks.md: "a teaching cell is short". Longer code belongs in
    // src/Workbook.Notebooks.Helpers, or in two cells.
    private const int MaxCodeCellLines = 20;

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Code_cells_are_short_enough_to_read_at_a_glance(string notebookPath)
    {
        if (!notebookPath.StartsWith("notebooks/", StringComparison.Ordinal)) return;
        var notebook = IpynbFormat.Load(Path.Combine(Repository.Root, notebookPath));
        var tooLong = notebook.CodeCells
            .Select(c => (c.Index, Lines: c.Source.TrimEnd('\n').Split('\n').Length))
            .Where(c => c.Lines > MaxCodeCellLines)
            .Select(c => $"cell {c.Index}: {c.Lines} lines")
            .ToList();
        Assert.True(tooLong.Count == 0,
            $"{notebookPath} has code cells over {MaxCodeCellLines} lines (move plumbing to a helper, or split the cell):\n{string.Join("\n", tooLong)}");
    }
}
