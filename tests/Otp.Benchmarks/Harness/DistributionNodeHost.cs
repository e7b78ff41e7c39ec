namespace Otp.Benchmarks.Harness;

/// <summary>
/// The C# peer of the distribution benchmark as an OS process of its own
/// (<c>Otp.Benchmarks serve-node NAME COOKIE EPMD_PORT</c>), as an <c>erl</c> peer is one: a
/// distributed node running <see cref="Benchmarks.DistributionWorkload.StartPeer"/>, registered
/// with the harness's private EPMD. Prints <c>up</c> once it is, and stops when its standard
/// input closes.
/// </summary>
internal static class DistributionNodeHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var name, var cookie, var epmd] || !int.TryParse(epmd, out var epmdPort))
        {
            Console.Error.WriteLine("usage: Otp.Benchmarks serve-node NAME@HOST COOKIE EPMD_PORT");
            return 2;
        }
        await using var node = await Node.StartDistributedAsync(new NodeOptions
        {
            Name = name, Cookie = cookie, EpmdPort = epmdPort, StartEpmd = false,
            DistributionLog = line => Console.Error.WriteLine(line),
        });
        Benchmarks.DistributionWorkload.StartPeer(node);
        Console.WriteLine("up");
        while (await Console.In.ReadLineAsync() is not null)
        {
        }
        return 0;
    }
}
