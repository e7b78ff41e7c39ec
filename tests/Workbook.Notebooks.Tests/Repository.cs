namespace Workbook.Notebooks.Tests;

/// <summary>Paths in the workbook checkout the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "tests", "Workbook.Notebooks.Tests", "Samples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Labs.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Labs.sln not found above the test binaries");
    }
}
