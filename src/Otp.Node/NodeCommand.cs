using Otp.Distribution;
using Otp.Distribution.Epmd;

namespace Otp.NodeCommand;

/// <summary>Runs one command-line node until it is cancelled.</summary>
public static class NodeCommand
{
    /// <summary>Exit code for options that do not make sense (a usage message was printed).</summary>
    public const int BadUsage = 2;

    /// <summary>Exit code for a node that could not start (name taken, bad name, EPMD refused).</summary>
    public const int CouldNotStart = 1;

    /// <summary>
    /// Starts the node, prints <c>node NAME@HOST is up</c> once it accepts connections, pings the
    /// requested nodes, then prints every nodeup and nodedown until <paramref name="cancel"/> fires.
    /// </summary>
    /// <returns>0 after a normal stop, <see cref="CouldNotStart"/> or <see cref="BadUsage"/> otherwise.</returns>
    public static async Task<int> RunAsync(NodeRequest request, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        NodeName parsed;
        try
        {
            parsed = NodeName.Parse(request.Name);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"otp-node: {e.Message}");
            return BadUsage;
        }
        if (parsed.IsLong != request.LongName)
        {
            await error.WriteLineAsync(request.LongName
                ? $"otp-node: --name needs a fully qualified host or an IP address (NAME@host.example.org, NAME@127.0.0.1); for '{parsed}' use --sname."
                : $"otp-node: --sname needs a host without dots; for '{parsed}' use --name.");
            return BadUsage;
        }

        Node node;
        try
        {
            node = await Node.StartDistributedAsync(new NodeOptions
            {
                Name = parsed.ToString(),
                Cookie = request.Cookie,
                Hidden = !request.Visible,
            }, cancel);
        }
        catch (EpmdException e)
        {
            await error.WriteLineAsync($"otp-node: cannot start {parsed}: {e.Message} (is a node with that name already running on this host?)");
            return CouldNotStart;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or System.Net.Sockets.SocketException)
        {
            await error.WriteLineAsync($"otp-node: cannot start {parsed}: {e.Message}");
            return CouldNotStart;
        }

        await using (node)
        {
            // Every connection and disconnection is worth a line: that is what the chapter watches.
            node.Spawn(async self =>
            {
                self.MonitorNodes();
                while (true)
                {
                    var m = await self.Receive();
                    if (m is ErlangTuple { Length: 2 } t && t[0] is Atom { Name: "nodeup" or "nodedown" } what && t[1] is Atom peer)
                        await output.WriteLineAsync($"{what.Name} {peer.Name}");
                }
            });
            await output.WriteLineAsync($"node {node.Name} is up");
            foreach (var peer in request.Ping)
                await output.WriteLineAsync($"ping {peer}: {(await node.PingAsync(peer) ? "pong" : "pang")}");
            try
            {
                await Task.Delay(Timeout.Infinite, cancel);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync($"node {node.Name} stopping");
            }
        }
        return 0;
    }
}
