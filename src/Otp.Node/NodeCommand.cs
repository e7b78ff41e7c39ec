using Otp.Distribution;
using Otp.Distribution.Epmd;

namespace Otp.NodeCommand;

/// <summary>Runs one command-line node until it is cancelled.</summary>
public static class NodeCommand
{
    /// <summary>Exit code for options that do not make sense (a usage message was printed).</summary>
    public const int BadUsage = 2;

    /// <summary>Exit code for a node that could not start (name taken, bad name, EPMD refused), or
    /// whose <c>--run</c> function failed (erl exits with 1 too: "init terminating in do_boot").</summary>
    public const int CouldNotStart = 1;

    /// <summary>
    /// Starts the node with the workbook's C# modules (<c>tut17</c>), prints
    /// <c>node NAME@HOST is up</c> once it accepts connections, pings the requested nodes, calls
    /// the <c>--run</c> function, then prints every nodeup and nodedown until
    /// <paramref name="cancel"/> fires or another node stops it (<c>init:stop/0,1</c>,
    /// <c>erlang:halt/0,1</c>).
    /// </summary>
    /// <returns>0 after a normal stop; the status given to <c>init:stop/1</c> or
    /// <c>erlang:halt/1</c>; <see cref="CouldNotStart"/> when the node cannot start or the
    /// <c>--run</c> function fails; <see cref="BadUsage"/> for bad options.</returns>
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
                StandardOutput = TextWriter.Synchronized(output),
            }, cancel);
            node.Modules.Register(typeof(Workbook.Modules.Tut17));
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
            var runFailed = request.Run.Count >= 2 ? RunAtStart(node, request.Run, error) : new TaskCompletionSource<int>().Task;
            var cancelled = Task.Delay(Timeout.Infinite, cancel);
            var first = await Task.WhenAny(cancelled, node.StopRequested, runFailed);
            if (first != cancelled)
            {
                // init:stop() returns ok to its caller before the node goes: give that reply a
                // moment to leave before the connections close.
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            }
            await output.WriteLineAsync($"node {node.Name} stopping");
            if (first == node.StopRequested) return await node.StopRequested;
            if (first == runFailed) return await runFailed;
        }
        return 0;
    }

    /// <summary>
    /// Calls <c>MODULE:FUNCTION</c> in a process of its own, as <c>erl -run</c> does: with no
    /// further words as <c>FUNCTION()</c>, otherwise as <c>FUNCTION(["ARG", ...])</c>, one list
    /// of strings. Completes with <see cref="CouldNotStart"/> if the function fails (an unknown
    /// module or function fails with <c>undef</c>); never completes if it returns normally, since
    /// the node then keeps running, as erl does.
    /// </summary>
    private static Task<int> RunAtStart(Node node, IReadOnlyList<string> words, TextWriter error)
    {
        object?[] args = words.Count == 2 ? [] : [new ErlangList([.. words.Skip(2).Select(w => (object?)ErlangList.FromString(w))])];
        var pid = node.Spawn(node.Modules.Body(new Atom(words[0]), new Atom(words[1]), args));
        var failed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Watch();
        return failed.Task;

        async Task Watch()
        {
            var reason = await node.WaitForExitAsync(pid);
            if (reason.IsNormal) return;
            await error.WriteLineAsync($"otp-node: --run {words[0]} {words[1]} failed: {reason}");
            failed.TrySetResult(CouldNotStart);
        }
    }
}
