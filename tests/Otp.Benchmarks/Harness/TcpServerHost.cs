using Otp.Sockets;

namespace Otp.Benchmarks.Harness;

/// <summary>
/// The C# side of the TCP benchmark as a process of its own (<c>Otp.Benchmarks serve-tcp LIMIT
/// MAXLINE IDLE_MS</c>), as the BEAM side is one: the runtime's <see cref="TcpServer"/> on a
/// real-time node. Prints <c>port N</c> once it listens, serves until its standard input closes,
/// and answers the line <c>memory</c> there with <c>memory BYTES</c>.
/// Its own process, so that its memory is measured apart from the clients'.
/// </summary>
internal static class TcpServerHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var max, var maxLine, var idleMs])
        {
            Console.Error.WriteLine("usage: Otp.Benchmarks serve-tcp MAX_CONNECTIONS MAX_LINE_BYTES IDLE_MS");
            return 2;
        }
        var options = new TcpServerOptions
        {
            MaxConnections = int.Parse(max), MaxLineBytes = int.Parse(maxLine), IdleTimeout = TimeSpan.FromMilliseconds(int.Parse(idleMs)),
        };
        using var node = Node.Start();
        var server = await node.RunAsync(async self => TcpServer.Start(self, options));
        Console.WriteLine($"port {server.Port}");
        // "memory" asks for the runtime's own count (the managed heap after a full collection).
        while (await Console.In.ReadLineAsync() is { } line)
            if (line == "memory") Console.WriteLine($"memory {GC.GetTotalMemory(forceFullCollection: true)}");
        server.Stop(node);
        return 0;
    }
}
