using Otp.CodeLoading;

namespace Lab04.HotCodeSwap.Tests;

/// <summary>Task 3: a purge that moves every server off the old version first and never kills.</summary>
public class SafeUpgradeTests
{
    private static async Task<List<Pid>> StartThree(Process self)
    {
        List<Pid> servers = [];
        for (var i = 1; i <= 3; i++)
        {
            var s = ModuleServer.Start(self.Node, CounterModule.Name);
            for (var j = 0; j < i; j++) await ModuleServer.CallAsync(self, s, "bump");
            servers.Add(s);
        }
        return servers;
    }

    [Fact(Timeout = Lab.CompilingTestTimeout)]
    public async Task Task3_EveryServerMovesAndTheOldVersionIsPurgedWithoutKilling()
    {
        CounterModule.Precompile();
        var run = await Lab.RunAsync(async self =>
        {
            var code = self.Node.Code;
            code.Load(CounterModule.Name, Images.Of(CounterModule.Name, CounterModule.Source(1)));
            var servers = await StartThree(self);
            code.Load(CounterModule.Name, Images.Of(CounterModule.Name, CounterModule.Doubling(2)));
            var report = await SafeUpgrade.UpgradeAllAsync(self, CounterModule.Name, servers);
            List<object> reads = [];
            foreach (var s in servers) reads.Add(await ModuleServer.CallAsync(self, s, "read"));
            return (servers, report, reads, old: code.Old(CounterModule.Name), killed: code.Killed);
        });
        var (servers, report, reads, old, killed) = run.Result;
        Assert.Equal(servers, report.Upgraded);
        Assert.Empty(report.Stuck);
        Assert.True(report.Purged);
        Assert.Null(old);
        Assert.Empty(killed);
        Assert.Equal(["v2: 2", "v2: 4", "v2: 6"], reads);
    }

    [Fact(Timeout = Lab.CompilingTestTimeout)]
    public async Task Task3_AFailedMigrationKeepsTheOldVersionAndKillsNobody()
    {
        CounterModule.Precompile();
        var run = await Lab.RunAsync(async self =>
        {
            var code = self.Node.Code;
            code.Load(CounterModule.Name, Images.Of(CounterModule.Name, CounterModule.Source(1)));
            var servers = await StartThree(self);
            code.Load(CounterModule.Name, Images.Of(CounterModule.Name, CounterModule.Refusing(2)));
            var report = await SafeUpgrade.UpgradeAllAsync(self, CounterModule.Name, servers);
            List<object> reads = [];
            foreach (var s in servers) reads.Add(await ModuleServer.CallAsync(self, s, "read"));
            return (servers, report, reads, old: code.Old(CounterModule.Name), killed: code.Killed,
                alive: servers.All(self.Node.IsAlive));
        });
        var (servers, report, reads, old, killed, alive) = run.Result;
        Assert.Empty(report.Upgraded);
        Assert.Equal(servers, report.Stuck);
        Assert.False(report.Purged);
        Assert.NotNull(old);
        Assert.Empty(killed);
        Assert.True(alive);
        Assert.Equal(["v1: 1", "v1: 2", "v1: 3"], reads);
    }
}
