using Xunit.Sdk;

namespace Labs.Alternatives.Tests;

/// <summary>Runs a lab test on a wrong answer and checks that it fails, and why.</summary>
internal static class Expect
{
    /// <summary>The test must fail on its snapshot (so every assertion before it held), and the
    /// diff must show <paramref name="mustShow"/>, the line that gives the wrong order away.</summary>
    public static async Task SnapshotMismatch(Func<Task> test, string mustShow)
    {
        var ex = await Assert.ThrowsAsync<SnapshotMismatchException>(test);
        // What a learner with this answer would read.
        TestContext.Current.TestOutputHelper?.WriteLine(ex.Message);
        // The mismatch wrote a received file beside the lab's snapshot; it belongs to the lab's
        // own runs, so leave none behind.
        var received = ex.Message.Split('\n').FirstOrDefault(l => l.StartsWith("received: ", StringComparison.Ordinal))?["received: ".Length..];
        if (received is not null && File.Exists(received)) File.Delete(received);
        Assert.Contains(mustShow, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>The test must fail on an assertion whose message shows <paramref name="mustShow"/>.</summary>
    public static async Task AssertionFails(Func<Task> test, string mustShow)
    {
        var ex = await Assert.ThrowsAnyAsync<XunitException>(test);
        TestContext.Current.TestOutputHelper?.WriteLine(ex.Message);
        Assert.Contains(mustShow, ex.Message, StringComparison.Ordinal);
    }
}
