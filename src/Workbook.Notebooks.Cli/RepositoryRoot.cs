namespace Workbook.Notebooks.Cli;

/// <summary>Finds the workbook's root: the nearest folder upwards that holds Labs.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Labs.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Labs.sln in {from} or above: run this inside the workbook");
    }
}
