using System.Text;
using Workbook.Testing;

namespace Grader.Tests.Testing;

public sealed class SnapshotTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("snapshot-tests-");

    public void Dispose() => _dir.Delete(recursive: true);

    private SnapshotPaths Paths() => SnapshotPaths.For(Path.Combine(_dir.FullName, "SomeTests.cs"), "SomeTests", "Method");

    [Fact]
    public void UsesVerifysFileNames()
    {
        var p = Paths();
        Assert.Equal("SomeTests.Method", p.Name);
        Assert.Equal(Path.Combine(_dir.FullName, "SomeTests.Method.verified.txt"), p.Verified);
        Assert.Equal(Path.Combine(_dir.FullName, "SomeTests.Method.received.txt"), p.Received);
    }

    [Fact]
    public async Task VerifyNamesTheSnapshotAfterTheRunningTestClassAndMethod()
    {
        // The verified file committed beside this source file is SnapshotTests.<this method>.verified.txt.
        await Snapshot.Verify("named after the test\n");
    }

    [Fact]
    public void AMissingVerifiedFileFailsAndWritesTheReceivedOne()
    {
        var p = Paths();
        var ex = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Check("a\nb\n", p));
        Assert.Contains("No verified snapshot yet for SomeTests.Method", ex.Message);
        Assert.Equal("a\nb\n", File.ReadAllText(p.Received));
        Assert.False(File.Exists(p.Verified), "a snapshot must never be accepted automatically");
    }

    [Fact]
    public void AMismatchFailsWithAUnifiedDiff()
    {
        var p = Paths();
        File.WriteAllText(p.Verified, "one\ntwo\nthree\n");
        var ex = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Check("one\n2\nthree\n", p));
        Assert.EndsWith("--- verified\n+++ received\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n", ex.Message);
        Assert.Equal("one\n2\nthree\n", File.ReadAllText(p.Received));
        Assert.Equal("one\ntwo\nthree\n", File.ReadAllText(p.Verified));
    }

    [Fact]
    public void AMatchPassesIgnoringLineEndingsAndByteOrderMarkAndRemovesAStaleReceivedFile()
    {
        var p = Paths();
        File.WriteAllText(p.Verified, "one\r\ntwo\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        File.WriteAllText(p.Received, "old");
        Snapshot.Check("one\ntwo\n", p);
        Assert.False(File.Exists(p.Received));
    }
}
