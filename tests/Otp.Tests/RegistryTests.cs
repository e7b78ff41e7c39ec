namespace Otp.Tests;

/// <summary>Registered names: freed however the process ends.</summary>
public class RegistryTests
{
    public static TheoryData<string> Endings => ["return", "exit", "crash", "kill", "killed through a link"];

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task A_name_is_freed_when_its_process_ends(string ending)
    {
        using var node = Node.StartDeterministic();
        var pid = node.Spawn(async self =>
        {
            self.Register("svc");
            await self.Receive(m => m is "go");
            switch (ending)
            {
                case "exit": self.Exit(ExitReason.Of("bye")); break;
                case "crash": throw new InvalidOperationException("crash");
            }
        });
        await node.SettleAsync();
        Assert.Equal(pid, node.WhereIs("svc"));
        Assert.Equal(["svc"], node.Registered());

        if (ending == "kill") node.Exit(pid, ExitReason.Kill);
        else if (ending == "killed through a link")
            node.Spawn(async self =>
            {
                self.Link(pid);
                self.Exit(ExitReason.Of("partner_failed"));
            });
        else node.Send("svc", "go");
        await node.WaitForExitAsync(pid);

        Assert.Null(node.WhereIs("svc"));
        Assert.Empty(node.Registered());
        Assert.Throws<BadArgException>(() => node.Send("svc", "anyone?"));
        var next = node.Spawn(async self => await self.Receive(m => m is "never"));
        node.Register("svc", next);
        Assert.Equal(next, node.WhereIs("svc"));
    }

    [Fact]
    public async Task Unregister_frees_the_name_and_leaves_the_process()
    {
        using var node = Node.StartDeterministic();
        var pid = node.Spawn(async self => await self.Receive(m => m is "never"));
        node.Register("svc", pid);
        node.Unregister("svc");
        Assert.Null(node.WhereIs("svc"));
        Assert.True(node.IsAlive(pid));
        node.Register("other", pid);
        Assert.Equal(pid, node.WhereIs("other"));
        var err = Assert.Throws<BadArgException>(() => node.Unregister("svc"));
        Assert.Equal(new Atom("badarg"), err.Reason);
    }
}
