namespace Grader.Tests.Grading;

/// <summary>
/// A throwaway workbook in a temporary folder: the real build files (Directory.Build.props,
/// Directory.Packages.props, global.json, tests/Directory.Build.props) plus the labs,
/// solutions and tests. Deleted on dispose.
/// </summary>
internal sealed class FixtureWorkbook : IDisposable
{
    private static readonly string[] BuildFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json", "tests/Directory.Build.props"];

    public FixtureWorkbook(params string[] fixtures)
    {
        Root = Directory.CreateTempSubdirectory("grader-fixture-").FullName;
        foreach (var f in BuildFiles)
        {
            var to = Path.Combine(Root, f);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(Path.Combine(RepoPaths.Root, f), to);
        }
        foreach (var fixture in fixtures)
        {
            var from = Path.Combine(RepoPaths.Fixtures, fixture);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(Root, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.WriteAllText(to, File.ReadAllText(file).Replace("@@WORKBOOK@@", RepoPaths.Root, StringComparison.Ordinal));
            }
        }
        Directory.CreateDirectory(Path.Combine(Root, "labs"));
    }

    public string Root { get; }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a build server may still hold a file; the OS cleans temp */ }
    }
}
