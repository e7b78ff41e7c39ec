using System.Runtime.CompilerServices;
using Otp.Compiler;

namespace Otp.CodeLoading.Tests;

/// <summary>A purged version's AssemblyLoadContext is really collected, so upgrades do not leak.</summary>
public class UnloadTests
{
    // Collection needs a few rounds: unloading is itself finalizer-driven.
    private static bool CollectedWithin(ModuleVersion version, int rounds)
    {
        for (var i = 0; i < rounds && !version.IsCollected; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return version.IsCollected;
    }

    // In a separate frame, so no local of the test method keeps a reference to the module's objects.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<ModuleVersion> RunServerOnV1ThenUpgrade(Node node, bool purgeAfterwards)
    {
        var v1 = node.Code.LoadSource("counter", CounterSources.V1);
        var server = ModuleServer.Start(node, "counter");
        await node.RunAsync(self => ModuleServer.CallAsync(self, server, "bump"));
        node.Code.LoadSource("counter", CounterSources.V2);
        await node.RunAsync(self => ModuleServer.ChangeCodeAsync(self, server));
        if (purgeAfterwards) Assert.True(node.Code.SoftPurge("counter"));
        return v1;
    }

    [Fact]
    public async Task APurgedVersionIsCollected()
    {
        using var node = Node.StartDeterministic(trace: false);
        var v1 = await RunServerOnV1ThenUpgrade(node, purgeAfterwards: true);
        Assert.Equal(ModuleStatus.Purged, v1.Status);
        Assert.True(CollectedWithin(v1, 20), "the purged version's AssemblyLoadContext was not collected");
    }

    [Fact]
    public async Task AnOldVersionThatIsNotPurgedStaysLoaded()
    {
        // The control: without the purge the same check must fail, or the test above proves nothing.
        using var node = Node.StartDeterministic(trace: false);
        var v1 = await RunServerOnV1ThenUpgrade(node, purgeAfterwards: false);
        Assert.Equal(ModuleStatus.Old, v1.Status);
        Assert.False(CollectedWithin(v1, 5));
    }

    [Fact]
    public async Task AVersionWhoseProcessesWereKilledByThePurgeIsCollected()
    {
        using var node = Node.StartDeterministic(trace: false);
        var (v1, server) = await StartOnV1(node);
        node.Code.LoadSource("counter", CounterSources.V2);
        Assert.True(node.Code.Purge("counter"));
        Assert.Equal(ExitReason.Killed, await node.WaitForExitAsync(server));
        Assert.True(CollectedWithin(v1, 20), "the purged version's AssemblyLoadContext was not collected");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(ModuleVersion, Pid)> StartOnV1(Node node)
    {
        var v1 = node.Code.LoadSource("counter", CounterSources.V1);
        var server = ModuleServer.Start(node, "counter");
        await node.RunAsync(self => ModuleServer.CallAsync(self, server, "bump"));
        return (v1, server);
    }
}
