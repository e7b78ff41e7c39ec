using System.Text;
using System.Text.Json.Nodes;
using Workbook.Notebooks.Documents;

namespace Workbook.Notebooks.Checking;

/// <summary>
/// Compares a notebook's committed outputs with a fresh run, cell by cell, after scrubbing (see
/// <see cref="OutputScrubber"/>). Each problem names the cell (counting every cell from 1, as a
/// reader counts them) and shows a line diff: <c>-</c> committed, <c>+</c> fresh.
/// </summary>
public static class OutputCheck
{
    /// <summary>The cell tag that exempts a cell's outputs from comparison (it still has to run).</summary>
    public const string OutputVariesTag = "output-varies";

    /// <summary>Every difference between <paramref name="notebook"/>'s committed outputs and
    /// <paramref name="run"/>; empty when the committed outputs are current.</summary>
    public static IReadOnlyList<string> Compare(NotebookDocument notebook, NotebookRun run, OutputScrubber scrubber)
    {
        var problems = new List<string>();
        if (KernelMetadata.Problem(notebook) is { } metadata) problems.Add(metadata);
        problems.AddRange(MachineSpecificOutput.Find(notebook, scrubber.RepositoryRoot));
        if (run.Failure is { } failure)
            problems.Add($"cell {failure.Cell.Index + 1} failed:\n" + Render(failure.Cell.Index, IpynbFormat.ToJson(failure.Result.Error!, null), scrubber));

        var byCell = run.Cells.ToDictionary(c => c.Cell.Index);
        foreach (var cell in notebook.CodeCells)
        {
            if (!byCell.TryGetValue(cell.Index, out var fresh)) break;
            if (cell.Tags.Contains(OutputVariesTag)) continue;
            var freshJson = new JsonArray([.. fresh.Result.Outputs.Select(o => IpynbFormat.ToJson(o, fresh.Result.ExecutionCount))]);
            var committed = Describe(cell.ExecutionCount, cell.Outputs, scrubber);
            var current = Describe(fresh.Result.ExecutionCount, freshJson, scrubber);
            if (committed != current)
                problems.Add($"cell {cell.Index + 1}: committed outputs are stale (regenerate them):\n{LineDiff.Render(committed, current)}");
        }
        return problems;
    }

    /// <summary>A readable, comparable text form of a cell's outputs.</summary>
    internal static string Describe(int? executionCount, JsonArray outputs, OutputScrubber scrubber)
    {
        var text = new StringBuilder($"[execution_count {executionCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}]\n");
        foreach (var output in outputs.OfType<JsonObject>()) text.Append(Render(null, output, scrubber));
        return text.ToString();
    }

    private static string Render(int? _, JsonObject output, OutputScrubber scrubber)
    {
        var text = new StringBuilder();
        var kind = output["output_type"]?.GetValue<string>();
        switch (kind)
        {
            case "stream":
                text.Append($"[{output["name"]?.GetValue<string>()}]\n");
                text.Append(Line(IpynbFormat.JoinText(output["text"])));
                break;
            case "error":
                text.Append($"[error {output["ename"]?.GetValue<string>()}] {output["evalue"]?.GetValue<string>()}\n");
                foreach (var line in output["traceback"] as JsonArray ?? []) text.Append(Line(line?.GetValue<string>() ?? ""));
                break;
            default:
                text.Append($"[{kind}]\n");
                foreach (var (mime, value) in (output["data"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
                    text.Append($"{mime}: ").Append(Line(value is JsonArray or JsonValue ? IpynbFormat.JoinText(value) : value?.ToJsonString() ?? ""));
                break;
        }
        return scrubber.Scrub(text.ToString());
    }

    private static string Line(string s) => s.EndsWith('\n') ? s : s + "\n";
}
