using System.Text.RegularExpressions;

namespace Workbook.Grader.Running;

/// <summary>The outcome of building one lab's test project against one source.</summary>
/// <param name="Succeeded">True when it built.</param>
/// <param name="Problem">The compiler's errors (or the time-out), for people; null when it built.</param>
/// <param name="TestAssembly">The built test assembly's path, when it built.</param>
public sealed record BuildResult(bool Succeeded, string? Problem, string? TestAssembly);

/// <summary>Builds a lab's test project with <c>dotnet build -p:LabSource=...</c> and finds its output.</summary>
public static partial class LabBuild
{
    private const int MaxErrors = 12;

    /// <summary>Builds <paramref name="testProject"/> (unless <see cref="GraderSettings.Build"/> is
    /// off) and returns where its test assembly is.</summary>
    public static async Task<BuildResult> RunAsync(string testProject, GraderSettings settings, CancellationToken cancel = default)
    {
        var source = $"-p:LabSource={settings.Source}";
        if (settings.Build)
        {
            var build = await ChildProcess.RunAsync(settings.Dotnet,
                ["build", testProject, source, "-nologo", "-v:q", "-clp:NoSummary"],
                settings.Root, settings.BuildLimit, cancel).ConfigureAwait(false);
            if (build.TimedOut)
                return new BuildResult(false, $"The build did not finish within {settings.BuildLimit.TotalSeconds:0} s.", null);
            if (!build.Succeeded)
                return new BuildResult(false, Errors(build.Output, settings.Root), null);
        }
        // The workbook's layout (Directory.Build.props) puts it here; ask MSBuild only if not.
        var name = Path.GetFileNameWithoutExtension(testProject);
        var conventional = Path.Combine(settings.Root, "artifacts", "bin", name, $"debug_{settings.Source}", name + ".dll");
        if (File.Exists(conventional)) return new BuildResult(true, null, conventional);
        var query = await ChildProcess.RunAsync(settings.Dotnet,
            ["msbuild", testProject, source, "-nologo", "-getProperty:TargetPath"],
            settings.Root, TimeSpan.FromMinutes(1), cancel).ConfigureAwait(false);
        var path = query.Output.Trim();
        if (!query.Succeeded || path.Length == 0)
            return new BuildResult(false, "Could not ask MSBuild where the tests are built:\n" + query.Output.Trim(), null);
        if (!File.Exists(path))
            return new BuildResult(false, $"The test assembly {path} does not exist. Build it first (or run the grader without --no-build).", null);
        return new BuildResult(true, null, path);
    }

    /// <summary>
    /// Builds several test projects in one <c>dotnet build</c> (one restore, parallel nodes),
    /// through a temporary solution file. True when all of them built; when one does not,
    /// build them one by one to learn which (<see cref="RunAsync"/>).
    /// </summary>
    public static async Task<bool> RunAllAsync(IReadOnlyCollection<string> testProjects, GraderSettings settings, CancellationToken cancel = default)
    {
        var scratch = Directory.CreateTempSubdirectory("workbook-grader-build-");
        try
        {
            var solution = Path.Combine(scratch.FullName, "labs.slnx");
            var lines = testProjects.Select(p => $"  <Project Path=\"{System.Security.SecurityElement.Escape(Path.GetRelativePath(scratch.FullName, p).Replace('\\', '/'))}\" />");
            await File.WriteAllTextAsync(solution, $"<Solution>\n{string.Join('\n', lines)}\n</Solution>\n", cancel).ConfigureAwait(false);
            var build = await ChildProcess.RunAsync(settings.Dotnet,
                ["build", solution, $"-p:LabSource={settings.Source}", "-nologo", "-v:q", "-clp:NoSummary"],
                settings.Root, settings.BuildLimit * Math.Max(1, testProjects.Count / 2), cancel).ConfigureAwait(false);
            return build.Succeeded;
        }
        finally
        {
            try { scratch.Delete(recursive: true); }
            catch (IOException) { /* the OS cleans temp */ }
        }
    }

    // "path/File.cs(12,5): error CS1002: ; expected [path/Proj.csproj]" -> "File.cs(12,5): error CS1002: ; expected"
    private static string Errors(string output, string root)
    {
        var errors = output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Contains(" error ", StringComparison.Ordinal) || l.Contains(": error", StringComparison.Ordinal))
            .Select(l => ProjectSuffix().Replace(l, ""))
            .Select(l => l.Replace(root.TrimEnd('/', '\\') + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Replace('\\', '/'))
            .Distinct()
            .ToList();
        if (errors.Count == 0) return "The build failed:\n" + output.Trim();
        var shown = errors.Take(MaxErrors).ToList();
        if (errors.Count > MaxErrors) shown.Add($"... and {errors.Count - MaxErrors} more");
        return "It does not compile:\n" + string.Join('\n', shown);
    }

    [GeneratedRegex(@"\s*\[[^\]]+\.csproj(::[^\]]*)?\]$")]
    private static partial Regex ProjectSuffix();
}
