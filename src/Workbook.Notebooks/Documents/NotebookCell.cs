using System.Text.Json.Nodes;
using Workbook.Notebooks.Execution;

namespace Workbook.Notebooks.Documents;

/// <summary>One cell of a <see cref="NotebookDocument"/>, a view on its JSON object.</summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject node, int index)
    {
        Node = node;
        Index = index;
    }

    /// <summary>The cell's JSON object.</summary>
    public JsonObject Node { get; }

    /// <summary>The cell's position in the notebook, counting from 0 (as Jupyter's nbclient
    /// reports cells).</summary>
    public int Index { get; }

    /// <summary><c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public string CellType => Node["cell_type"]?.GetValue<string>() ?? "";

    /// <summary>True for code cells.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>The cell's source text (nbformat's list of lines joined).</summary>
    public string Source => IpynbFormat.JoinText(Node["source"]);

    /// <summary>The cell's tags (<c>metadata.tags</c>).</summary>
    public IReadOnlyList<string> Tags =>
        (Node["metadata"]?["tags"] as JsonArray)?.Select(t => t?.GetValue<string>() ?? "").ToList() ?? [];

    /// <summary>The committed outputs, as nbformat JSON (an empty array when there are none).</summary>
    public JsonArray Outputs => Node["outputs"] as JsonArray ?? [];

    /// <summary>The committed execution count, or null.</summary>
    public int? ExecutionCount => Node["execution_count"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;

    /// <summary>Replaces the cell's outputs and execution count with those of a fresh run.</summary>
    public void SetOutputs(IEnumerable<CellOutput> outputs, int? executionCount)
    {
        Node["execution_count"] = executionCount;
        Node["outputs"] = new JsonArray([.. outputs.Select(o => IpynbFormat.ToJson(o, executionCount))]);
    }
}
