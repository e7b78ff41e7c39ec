using System.Text.Json.Nodes;

namespace Workbook.Notebooks.Documents;

/// <summary>
/// The notebook metadata that names the workbook's C# kernel, so Jupyter and VS Code pick it
/// when a notebook opens. Cells stay plain C#; a reader with .NET Interactive can still pick
/// that kernel by hand.
/// </summary>
public static class KernelMetadata
{
    /// <summary>The kernelspec name the installer registers.</summary>
    public const string KernelName = "otp-csharp";

    /// <summary>The name Jupyter and VS Code show in their kernel pickers.</summary>
    public const string DisplayName = "C# (Otp workbook)";

    /// <summary>The C# language version cells compile with (Roslyn's latest).</summary>
    public const string LanguageVersion = "14.0";

    /// <summary>The <c>kernelspec</c> metadata object.</summary>
    public static JsonObject KernelSpec() => new()
    {
        ["display_name"] = DisplayName, ["language"] = "csharp", ["name"] = KernelName,
    };

    /// <summary>The <c>language_info</c> metadata object (also what the kernel reports).</summary>
    public static JsonObject LanguageInfo() => new()
    {
        ["codemirror_mode"] = "text/x-csharp",
        ["file_extension"] = ".cs",
        ["mimetype"] = "text/x-csharp",
        ["name"] = "csharp",
        ["pygments_lexer"] = "csharp",
        ["version"] = LanguageVersion,
    };

    /// <summary>Sets both metadata objects on <paramref name="notebook"/>.</summary>
    public static void Apply(NotebookDocument notebook)
    {
        notebook.Metadata["kernelspec"] = KernelSpec();
        notebook.Metadata["language_info"] = LanguageInfo();
    }

    /// <summary>What is wrong with the notebook's kernel metadata, or null when it names this kernel.</summary>
    public static string? Problem(NotebookDocument notebook)
    {
        var name = notebook.Metadata["kernelspec"]?["name"]?.GetValue<string>();
        var language = notebook.Metadata["language_info"]?["name"]?.GetValue<string>();
        if (name != KernelName) return $"metadata.kernelspec.name is \"{name}\", expected \"{KernelName}\"";
        if (language != "csharp") return $"metadata.language_info.name is \"{language}\", expected \"csharp\"";
        return null;
    }
}
