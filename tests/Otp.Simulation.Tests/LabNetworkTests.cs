using System.Diagnostics;
using Workbook.Testing;

namespace Otp.Simulation.Tests;

public class LabNetworkTests
{
    [Fact]
    public async Task A_finished_run_returns_its_result_and_the_networks_trace()
    {
        var run = await Lab.RunOnNetworkAsync(async net =>
        {
            await Scenarios.PingPongAsync(net, 1);
            return net.Nodes.Count;
        }, seed: 1);
        Assert.Equal(2, run.Result);
        Assert.Contains("pong@b receives {ping,<0.1.0>@a}", run.Trace);
    }

    [Fact]
    public async Task A_message_lost_to_a_partition_is_reported_as_a_run_that_never_finishes()
    {
        var error = await Assert.ThrowsAsync<LabRunException>(() => Lab.RunOnNetworkAsync(async net =>
        {
            var a = net.AddNode("a");
            var b = net.AddNode("b");
            b.Register("pong", b.Spawn(async self => await self.Receive()));
            net.Partition(["a"], ["b"]);
            return await a.RunAsync(async self =>
            {
                self.Send("pong", "b@sim", "ping");
                return await self.Receive();
            });
        }, seed: 1));
        Assert.Contains("Deadlock", error.Message);
        Assert.Contains("(lost)", error.Message);
    }

    [Fact]
    public async Task A_process_that_never_awaits_is_reported_after_the_real_time_limit()
    {
        var error = await Assert.ThrowsAsync<LabRunException>(() => Lab.RunOnNetworkAsync(async net =>
        {
            var a = net.AddNode("a");
            // Spins without awaiting, but only for a bounded time, so the test leaves no busy thread behind.
            return await a.RunAsync(self =>
            {
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < TimeSpan.FromSeconds(2)) { }
                return Task.FromResult(0);
            });
        }, seed: 1, realTime: TimeSpan.FromMilliseconds(500)));
        Assert.Contains("still running after 0.5 s of real time", error.Message);
    }
}
