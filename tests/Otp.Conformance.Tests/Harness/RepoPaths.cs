namespace Otp.Conformance.Tests.Harness;

/// <summary>Finds files in the repository from a test's output folder.</summary>
public static class RepoPaths
{
    /// <summary>The folder that holds Labs.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Labs.sln"))) return dir.FullName;
        throw new InvalidOperationException("Labs.sln not found above " + AppContext.BaseDirectory);
    }
}
