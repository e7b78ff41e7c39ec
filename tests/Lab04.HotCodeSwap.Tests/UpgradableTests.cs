
namespace Lab04.HotCodeSwap.Tests;

/// <summary>Task 2: a plain process that upgrades through a fully qualified call.</summary>
public class UpgradableTests
{
    [Fact(Timeout = Lab.CompilingTestTimeout)]
    public async Task Task2_TheProcessStaysOnItsVersionUntilItMakesTheFullyQualifiedCall()
    {
        CounterModule.Precompile();
        var run = await Lab.RunAsync(async self =>
        {
            var code = self.Node.Code;
            var log = new List<string>();
            code.Load(CounterModule.Name, Images.Of(CounterModule.Name, CounterModule.Source(1)));
            var p = Upgradable.Start(self, CounterModule.Name);
            await Upgradable.AskAsync(self, p, "bump");
            await Upgradable.AskAsync(self, p, "bump");
            log.Add($"{await Upgradable.AskAsync(self, p, "read")}");
            code.Load(CounterModule.Name, Images.Of(CounterModule.Name, CounterModule.Doubling(2)));
            log.Add($"after load: {await Upgradable.AskAsync(self, p, "read")}, in old code: {code.CheckProcessCode(p, CounterModule.Name)}");
            log.Add($"upgrade -> v{await Upgradable.UpgradeAsync(self, p)}");
            log.Add($"after upgrade: {await Upgradable.AskAsync(self, p, "read")}, in old code: {code.CheckProcessCode(p, CounterModule.Name)}");
            log.Add($"upgrade again -> v{await Upgradable.UpgradeAsync(self, p)}, {await Upgradable.AskAsync(self, p, "read")}");
            log.Add($"soft purge: {code.SoftPurge(CounterModule.Name)}");
            return string.Join('\n', log) + '\n';
        });
        await Verify(run.Result);
    }

    [Fact(Timeout = Lab.CompilingTestTimeout)]
    public async Task Task2_AProcessThatNeverUpgradesIsKilledByTheThirdLoad()
    {
        CounterModule.Precompile();
        var run = await Lab.RunAsync(async self =>
        {
            var code = self.Node.Code;
            code.Load(CounterModule.Name, Images.Of(CounterModule.Name, CounterModule.Source(1)));
            var stays = Upgradable.Start(self, CounterModule.Name);
            var moves = Upgradable.Start(self, CounterModule.Name);
            await Upgradable.AskAsync(self, stays, "bump");
            await Upgradable.AskAsync(self, moves, "bump");
            code.Load(CounterModule.Name, Images.Of(CounterModule.Name, CounterModule.Source(2)));
            await Upgradable.UpgradeAsync(self, moves);
            var watch = self.Monitor(stays);
            code.Load(CounterModule.Name, Images.Of(CounterModule.Name, CounterModule.Source(3)));
            var down = await self.Receive<Down>(d => d.Ref == watch);
            return (down.Reason, alive: self.Node.IsAlive(moves), read: await Upgradable.AskAsync(self, moves, "read"));
        });
        Assert.Equal(ExitReason.Killed, run.Result.Reason);
        Assert.True(run.Result.alive);
        Assert.Equal("v2: 1", run.Result.read);
    }
}
