namespace Workbook.Testing;

/// <summary>Where one test's snapshot files live, by Verify's naming rule.</summary>
/// <param name="Name">The snapshot's name, <c>&lt;TestClass&gt;.&lt;TestMethod&gt;</c>.</param>
/// <param name="Verified">The committed, approved file.</param>
/// <param name="Received">The file a mismatching run writes (never committed).</param>
public sealed record SnapshotPaths(string Name, string Verified, string Received)
{
    /// <summary>The paths for test <paramref name="method"/> of <paramref name="testClass"/>,
    /// beside <paramref name="sourceFile"/>.</summary>
    /// <exception cref="ArgumentException">The source file's folder is unknown or does not exist
    /// (a test assembly built on another machine, for example).</exception>
    public static SnapshotPaths For(string sourceFile, string testClass, string method)
    {
        var folder = Path.GetDirectoryName(sourceFile);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
            throw new ArgumentException($"Cannot find the folder of the test source file '{sourceFile}' to keep snapshots beside it; run the tests from a checkout of the workbook.", nameof(sourceFile));
        var name = $"{testClass}.{method}";
        return new SnapshotPaths(name, Path.Combine(folder, name + ".verified.txt"), Path.Combine(folder, name + ".received.txt"));
    }
}
