using Otp.Distribution.Simulation;
using Workbook.Testing;

namespace Otp.Simulation.Tests;

public class SnapshotTests
{
    [Fact]
    public async Task Two_node_ping_pong()
    {
        using var net = SimulatedNetwork.Start(seed: 1);
        await Scenarios.PingPongAsync(net, 3);
        await Snapshot.Verify(net.Trace!.ToText());
    }
}
