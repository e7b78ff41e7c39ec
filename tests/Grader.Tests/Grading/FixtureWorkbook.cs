namespace Grader.Tests.Grading;

/// <summary>
/// A throwaway workbook in a temporary folder: the real build files (Directory.Build.props,
/// Directory.Packages.props, global.json, tests/Directory.Build.props, labs/Directory.Build.props)
/// plus the labs, solutions and tests, committed to a git repository of its own (the grader
/// compares the tests with the committed ones). Deleted on dispose.
/// </summary>
internal sealed class FixtureWorkbook : IDisposable
{
    private static readonly string[] BuildFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json", "tests/Directory.Build.props", "labs/Directory.Build.props"];

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
        Git("init", "-q");
        Git("add", "-A");
        Git("commit", "-q", "-m", "The workbook as published");
    }

    /// <summary>Runs git in the workbook, as a fixture's author (no global configuration needed).</summary>
    public void Git(params string[] arguments)
    {
        var info = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = Root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-c", "user.name=Fixture", "-c", "user.email=fixture@example.invalid", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", .. arguments])
            info.ArgumentList.Add(a);
        using var git = System.Diagnostics.Process.Start(info)!;
        var error = git.StandardError.ReadToEndAsync();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error.Result}");
    }

    public string Root { get; }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a build server may still hold a file; the OS cleans temp */ }
    }
}
