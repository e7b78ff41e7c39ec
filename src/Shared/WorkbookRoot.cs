namespace Workbook;

/// <summary>
/// Finds the workbook's root folder: the nearest folder, from a start folder upwards, that holds
/// <c>Labs.sln</c>. One source, compiled into each project that needs it (opt in with
/// <c>&lt;UsesWorkbookRoot&gt;true&lt;/UsesWorkbookRoot&gt;</c>, see Directory.Build.targets),
/// because those projects share no library: the notebook command, the notebook helpers, the
/// benchmarks and the test projects that read the repository's files.
/// </summary>
internal static class WorkbookRoot
{
    /// <summary>The root above <paramref name="start"/> (by default the folder of the running
    /// program's binaries), or null when there is none: the program runs outside a checkout.</summary>
    public static string? TryFind(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Labs.sln"))) return dir.FullName;
        return null;
    }

    /// <summary>As <see cref="TryFind"/>, for code that cannot work outside a checkout.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder at or above <paramref name="start"/>
    /// holds Labs.sln.</exception>
    public static string Find(string? start = null) =>
        TryFind(start) ?? throw new DirectoryNotFoundException(
            $"no Labs.sln in {start ?? AppContext.BaseDirectory} or above: run this inside the workbook's folder");
}
