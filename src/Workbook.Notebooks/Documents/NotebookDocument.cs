using System.Text.Json.Nodes;

namespace Workbook.Notebooks.Documents;

/// <summary>
/// An .ipynb notebook (nbformat 4) held as its JSON tree, so fields this library does not know
/// survive a load and save unchanged. <see cref="IpynbFormat"/> reads and writes it.
/// </summary>
public sealed class NotebookDocument
{
    internal NotebookDocument(JsonObject root)
    {
        Root = root;
        if (root["nbformat"]?.GetValue<int>() is not 4)
            throw new FormatException("not an nbformat 4 notebook (the \"nbformat\" field must be 4)");
        if (root["cells"] is not JsonArray cells)
            throw new FormatException("the notebook has no \"cells\" array");
        Cells = [.. cells.Select((c, i) => c is JsonObject o ? new NotebookCell(o, i)
            : throw new FormatException($"cell {i} is not a JSON object"))];
    }

    /// <summary>The whole JSON tree.</summary>
    public JsonObject Root { get; }

    /// <summary>Every cell, in order; <see cref="NotebookCell.Index"/> is the position.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The code cells, in order.</summary>
    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.IsCode);

    /// <summary>The notebook-level metadata object (created when missing).</summary>
    public JsonObject Metadata => Root["metadata"] as JsonObject ?? (JsonObject)(Root["metadata"] = new JsonObject());
}
