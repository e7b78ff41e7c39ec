using Otp.CodeLoading;

namespace Lab04.HotCodeSwap.Tests;

/// <summary>Task 1: version 2 of the kv module and its state migration (Modules/KvV2.cs).</summary>
public class KvUpgradeTests
{
    private static byte[] V1 => Images.Of(KvModule.Name, KvModule.Source(1));
    private static byte[] V2 => Images.Of(KvModule.Name, KvModule.Source(2));

    private static async Task<string> Transcript(Func<Process, Func<object, Task>, Task> scenario)
    {
        _ = (V1, V2);
        var run = await Lab.RunAsync(async self =>
        {
            var lines = new List<string>();
            await scenario(self, async line => lines.Add(line switch
            {
                string s => s,
                var other => other.ToString() ?? "",
            }));
            return string.Join('\n', lines) + '\n';
        });
        return run.Result;
    }

    private static async Task<string> Ask(Process self, Pid kv, object request) =>
        $"{request} -> {await ModuleServer.CallAsync(self, kv, request)}";

    [Fact(Timeout = Lab.CompilingTestTimeout)]
    public async Task Task1_StateSurvivesTheUpgradeToV2() => await Verify(await Transcript(async (self, log) =>
    {
        var code = self.Node.Code;
        code.Load(KvModule.Name, V1);
        var kv = ModuleServer.Start(self.Node, KvModule.Name);
        await log(await Ask(self, kv, ("put", "apple", "red")));
        await log(await Ask(self, kv, ("put", "pear", "green")));
        await log(await Ask(self, kv, ("delete", "apple")));
        code.Load(KvModule.Name, V2);
        await log($"loaded: {code.Current(KvModule.Name)}; old: {code.Old(KvModule.Name)}");
        await log(await Ask(self, kv, ("get", "apple")));
        await log(await ModuleServer.ChangeCodeAsync(self, kv));
        await log(await Ask(self, kv, ("get", "apple")));
        await log(await Ask(self, kv, ("get", "pear")));
        await log(await Ask(self, kv, "stats"));
        await log(await Ask(self, kv, ("put", "plum", "purple")));
        await log(await Ask(self, kv, ("delete", "apple")));
        await log(await Ask(self, kv, ("get", "apple")));
        await log(await Ask(self, kv, "stats"));
        await log($"soft purge: {code.SoftPurge(KvModule.Name)}");
    }));

    [Fact(Timeout = Lab.CompilingTestTimeout)]
    public async Task Task1_AFreshV2ServerStartsEmpty() => await Verify(await Transcript(async (self, log) =>
    {
        self.Node.Code.Load(KvModule.Name, V2);
        var kv = ModuleServer.Start(self.Node, KvModule.Name);
        await log(await Ask(self, kv, "stats"));
        await log(await Ask(self, kv, ("put", "fig", "brown")));
        await log(await Ask(self, kv, ("get", "fig")));
        await log(await Ask(self, kv, "stats"));
    }));

    [Fact(Timeout = Lab.CompilingTestTimeout)]
    public async Task Task1_V2RefusesToUpgradeFromAnUnknownVersion()
    {
        // v2 migrates v1 states only; from anything else its CodeChange must throw, so the
        // server keeps its version and state instead of running v2 code on a state it cannot read.
        var v2Image = V2;
        var result = await Lab.RunAsync(self =>
        {
            self.Node.Code.Load(KvModule.Name, v2Image);
            var v2 = self.Node.Code.Current(KvModule.Name)!.Create<IServerModule>();
            return Task.FromResult(Record.Exception(() => v2.CodeChange(7, "a state from version 7")));
        });
        Assert.NotNull(result.Result);
        Assert.IsNotType<NotImplementedException>(result.Result);
    }
}
