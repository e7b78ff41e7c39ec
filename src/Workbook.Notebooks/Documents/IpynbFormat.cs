using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workbook.Notebooks.Execution;

namespace Workbook.Notebooks.Documents;

/// <summary>
/// Reads and writes .ipynb files (nbformat 4) the way Jupyter itself writes them: keys sorted,
/// one-space indentation, multi-line strings as lists of lines, non-ASCII text unescaped, a
/// final newline. A notebook saved by Jupyter and saved again here differs only where content
/// changed, so committed notebooks keep small diffs.
/// </summary>
public static class IpynbFormat
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 1,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // MIME types whose strings nbformat stores as lists of lines.
    private static bool IsSplitMime(string mime) =>
        mime.StartsWith("text/", StringComparison.Ordinal) || mime is "image/svg+xml" or "application/javascript";

    /// <summary>Parses notebook JSON. Throws <see cref="FormatException"/> when it is not an
    /// nbformat 4 notebook.</summary>
    public static NotebookDocument Parse(string json)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException e) { throw new FormatException($"not valid JSON: {e.Message}", e); }
        return new NotebookDocument(root as JsonObject ?? throw new FormatException("a notebook must be a JSON object"));
    }

    /// <summary>Reads a notebook file.</summary>
    public static NotebookDocument Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    /// <summary>The notebook as Jupyter would write it.</summary>
    public static string Serialize(NotebookDocument notebook)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Sorted(notebook.Root)!.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes the notebook to <paramref name="path"/> as Jupyter would (UTF-8, no BOM).</summary>
    public static void Save(NotebookDocument notebook, string path) =>
        File.WriteAllText(path, Serialize(notebook), new UTF8Encoding(false));

    /// <summary>nbformat text (a string or a list of lines) as one string.</summary>
    public static string JoinText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        _ => node.GetValue<string>(),
    };

    /// <summary>A string as nbformat's list of lines, each but the last ending in a newline.</summary>
    public static JsonArray SplitLines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    /// <summary>An engine output as an nbformat 4 output object.</summary>
    public static JsonObject ToJson(CellOutput output, int? executionCount) => output switch
    {
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = SplitLines(s.Text) },
        DisplayOutput d => new JsonObject { ["data"] = MimeData(d.Data), ["metadata"] = new JsonObject(), ["output_type"] = "display_data" },
        ResultOutput r => new JsonObject
        {
            ["data"] = MimeData(r.Data), ["execution_count"] = executionCount, ["metadata"] = new JsonObject(), ["output_type"] = "execute_result",
        },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.Name, ["evalue"] = e.Value, ["output_type"] = "error", ["traceback"] = new JsonArray([.. e.Traceback.Select(l => (JsonNode?)l)]),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "unknown output kind"),
    };

    private static JsonObject MimeData(IReadOnlyDictionary<string, string> data)
    {
        var json = new JsonObject();
        foreach (var (mime, value) in data) json[mime] = IsSplitMime(mime) ? SplitLines(value) : value;
        return json;
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}
