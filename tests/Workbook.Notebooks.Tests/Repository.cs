namespace Workbook.Notebooks.Tests;

/// <summary>Paths in the workbook checkout the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = WorkbookRoot.Find();

    public static string Samples => Path.Combine(Root, "tests", "Workbook.Notebooks.Tests", "Samples");
}
