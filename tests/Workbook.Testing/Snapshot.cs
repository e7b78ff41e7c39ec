using System.Runtime.CompilerServices;
using System.Text;

namespace Workbook.Testing;

/// <summary>
/// Snapshot assertions with Verify's conventions, for an environment where Verify itself cannot be
/// restored. Use it as Verify is used: <c>using static Workbook.Testing.Snapshot;</c> and then
/// <c>await Verify(text);</c>. Moving to Verify.Xunit is then a change of that one using directive
/// (to <c>using static VerifyXunit.Verifier;</c>).
/// </summary>
/// <remarks>
/// <para>The approved text lives in <c>&lt;TestClass&gt;.&lt;TestMethod&gt;.verified.txt</c> beside
/// the test's source file and is committed. When the text produced by a run differs, or no
/// verified file exists yet, the run's text is written to <c>&lt;...&gt;.received.txt</c> (git
/// ignores <c>*.received.*</c>) and the assertion fails with a unified diff in its message. Nothing
/// is ever accepted automatically: a person reads the received file and renames it to
/// <c>.verified.txt</c>.</para>
/// <para>Line endings are compared as <c>\n</c>; files are written as UTF-8 with a byte order mark,
/// as Verify writes them, and read with or without one.</para>
/// <para>In a lab's grading tests the verified text does not come from disk: the build embeds
/// every <c>*.verified.txt</c> of the project in the test assembly (tests/Directory.Build.props),
/// and the comparison reads that copy. Code under test that rewrites a verified file while the
/// tests run (a module initializer, a background thread) therefore changes nothing about the
/// result, and the grader compares the embedded copies with the committed ones
/// (see <see cref="EmbeddedSnapshots"/>).</para>
/// </remarks>
public static class Snapshot
{
    /// <summary>
    /// Compares <paramref name="text"/> with the verified snapshot of the calling test.
    /// </summary>
    /// <param name="text">What the test produced, for example a trace as text.</param>
    /// <param name="sourceFile">Filled in by the compiler: the test's source file, whose folder holds the snapshot.</param>
    /// <param name="method">Filled in by the compiler: the test method's name.</param>
    /// <returns>A task that completes when the snapshot matched.</returns>
    /// <exception cref="SnapshotMismatchException">The text differs from the verified file, or there is none.</exception>
    public static Task Verify(string text, [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        var paths = SnapshotPaths.For(sourceFile, TestClassName(sourceFile), method);
        var embedded = TestAssembly() is { } assembly && EmbeddedSnapshots.In(assembly) is { } files ? files : null;
        Check(text, paths, embedded);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Compares <paramref name="text"/> with another test's verified snapshot, named
    /// <paramref name="verifiedName"/> (<c>&lt;TestClass&gt;.&lt;TestMethod&gt;</c>), beside the
    /// calling test: for two implementations that must produce one approved result (Verify's
    /// <c>UseFileName</c>). A mismatch writes the calling test's own <c>.received.txt</c>.
    /// </summary>
    /// <exception cref="SnapshotMismatchException">The text differs from that verified file, or there is none.</exception>
    public static Task VerifyAgainst(string text, string verifiedName, [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(verifiedName);
        var own = SnapshotPaths.For(sourceFile, TestClassName(sourceFile), method);
        var verified = Path.Combine(Path.GetDirectoryName(own.Verified)!, verifiedName + ".verified.txt");
        var embedded = TestAssembly() is { } assembly && EmbeddedSnapshots.In(assembly) is { } files ? files : null;
        Check(text, own with { Name = verifiedName, Verified = verified }, embedded);
        return Task.CompletedTask;
    }

    internal static void Check(string text, SnapshotPaths paths, EmbeddedSnapshots? embedded = null)
    {
        var received = Normalize(text);
        var verifiedText = embedded is not null ? embedded.Find(paths.Verified)
            : File.Exists(paths.Verified) ? File.ReadAllText(paths.Verified) : null;
        var verified = verifiedText is null ? null : Normalize(verifiedText);
        if (verified == received)
        {
            // A stale received file from an earlier failure would only confuse.
            if (File.Exists(paths.Received)) File.Delete(paths.Received);
            return;
        }
        File.WriteAllText(paths.Received, received, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        throw new SnapshotMismatchException(Explain(paths, verified, received));
    }

    private static string Explain(SnapshotPaths paths, string? verified, string received)
    {
        var sb = new StringBuilder();
        if (verified is null)
        {
            sb.Append($"No verified snapshot yet for {paths.Name}.\n");
            sb.Append($"received: {paths.Received}\n");
            sb.Append($"Read it; if it is right, rename it to {Path.GetFileName(paths.Verified)} and commit it.\n");
        }
        else
        {
            sb.Append($"The result differs from the verified snapshot {paths.Name}.\n");
            sb.Append($"verified: {paths.Verified}\n");
            sb.Append($"received: {paths.Received}\n");
        }
        sb.Append(UnifiedDiff.Create(verified ?? "", received, "verified", "received"));
        return sb.ToString();
    }

    private static string Normalize(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');

    private static System.Reflection.Assembly? TestAssembly() =>
        (Xunit.TestContext.Current.TestClass as Xunit.v3.IXunitTestClass)?.Class.Assembly;

    // Verify names snapshots after the test class (without its namespace) and method; the running
    // test's context knows the class. Outside a test, the source file's name stands in for it.
    private static string TestClassName(string sourceFile)
    {
        var className = Xunit.TestContext.Current.TestClass?.TestClassName;
        if (className is null) return Path.GetFileNameWithoutExtension(sourceFile);
        var simple = className[(className.LastIndexOf('.') + 1)..];
        return simple.Replace('+', '.');
    }
}
