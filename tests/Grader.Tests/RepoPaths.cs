using System.Runtime.CompilerServices;

namespace Grader.Tests;

/// <summary>Where the workbook checkout and this project's fixtures are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(ThisFolder(), "..", ".."));

    public static string Fixtures { get; } = Path.Combine(ThisFolder(), "Fixtures");

    private static string ThisFolder([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
