using Otp.Distribution.Simulation;

namespace Otp.Simulation.Tests;

/// <summary>The example at the top of docs/distribution.md's "Simulated network", as written there.</summary>
public class DocsExampleTests
{
    [Fact]
    public async Task The_example_in_the_docs_runs_and_prints_the_ping_and_the_pong()
    {
        using var net = SimulatedNetwork.Start(seed: 1);
        var a = net.AddNode("a");                      // a@sim
        var b = net.AddNode("b");                      // b@sim
        b.Register("pong", b.Spawn(async self =>
        {
            while (await self.Receive() is ErlangTuple { Length: 2 } t && t[1] is Pid from)
                self.Send(from, new Atom("pong"));
        }));
        await a.RunAsync(async self =>
        {
            self.Send("pong", "b@sim", new ErlangTuple(new Atom("ping"), self.Self));
            await self.Receive();
        });
        var text = net.Trace!.ToText(withTime: false);
        Assert.Contains("<0.1.0>@a ! pong@b {ping,<0.1.0>@a}", text);
        Assert.Contains("pong@b ! <0.1.0>@a pong", text);
        Assert.Contains("<0.1.0>@a receives pong", text);
    }
}
