using Otp.Compiler;

namespace Otp.CodeLoading.Tests;

public class ModuleServerTests
{
    private static async Task<string> Bump(Node node, Pid server) =>
        (string)(await node.RunAsync(self => ModuleServer.CallAsync(self, server, "bump")))!;

    [Fact]
    public async Task StateSurvivesAnUpgradeThroughTheCodeChangeHook()
    {
        using var node = Node.StartDeterministic();
        node.Code.LoadSource("counter", CounterSources.V1);
        var server = ModuleServer.Start(node, "counter");
        Assert.Equal("v1 count 1", await Bump(node, server));
        Assert.Equal("v1 count 2", await Bump(node, server));

        node.Code.LoadSource("counter", CounterSources.V2);
        // Loaded is not running: the server stays on v1 until it is asked to move.
        Assert.Equal("v1 count 3", await Bump(node, server));
        Assert.True(node.Code.CheckProcessCode(server, "counter"));

        var result = await node.RunAsync(self => ModuleServer.ChangeCodeAsync(self, server));
        Assert.Equal(new CodeChangeResult(true, 1, 2, null), result);
        Assert.Equal("v2 count 4 (1 since upgrade)", await Bump(node, server));
        Assert.False(node.Code.CheckProcessCode(server, "counter"));
        Assert.True(node.Code.SoftPurge("counter"));
    }

    [Fact]
    public async Task AFailingCodeChangeLeavesTheServerOnTheOldVersionWithItsState()
    {
        using var node = Node.StartDeterministic();
        node.Code.LoadSource("counter", CounterSources.V1);
        var server = ModuleServer.Start(node, "counter");
        await Bump(node, server);
        await Bump(node, server);
        node.Code.LoadSource("counter", CounterSources.V2BadMigration);

        var result = await node.RunAsync(self => ModuleServer.ChangeCodeAsync(self, server));
        Assert.False(result.Upgraded);
        Assert.Contains("cannot migrate a state of 2", result.Error);
        Assert.Contains("still on v1 with its state", result.ToString());
        var (version, state) = await node.RunAsync(self => ModuleServer.GetStateAsync(self, server));
        Assert.Equal((1, 2), (version, (int)state));
        Assert.Equal("v1 count 3", await Bump(node, server));
        Assert.False(node.Code.SoftPurge("counter"));
    }

    [Fact]
    public async Task LoadingAThirdVersionKillsAServerStillOnTheFirst()
    {
        using var node = Node.StartDeterministic();
        node.Code.LoadSource("counter", CounterSources.V1);
        var server = ModuleServer.Start(node, "counter");
        await Bump(node, server);
        node.Code.LoadSource("counter", CounterSources.V2);
        node.Code.LoadSource("counter", CounterSources.V2);
        Assert.Equal(ExitReason.Killed, await node.WaitForExitAsync(server));
        Assert.Equal([$"counter v1 purged: killed {server}"], node.Code.Killed);
    }
}
