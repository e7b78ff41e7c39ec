using System.Net;
using System.Net.Sockets;
using Otp.Tables;

namespace Otp.Sockets;

/// <summary>
/// A line-protocol TCP server built the Erlang way: an acceptor process that supervises one
/// process per connection. Commands, one per line: <c>echo TEXT</c>, <c>put KEY VALUE</c>,
/// <c>get KEY</c> (the store is a public table owned by the acceptor), <c>crash</c> (the
/// connection's process crashes, to show that no other connection notices) and <c>quit</c>.
/// </summary>
/// <remarks>
/// The acceptor traps exits and links to every connection process, so a crash in one connection
/// is an <see cref="ExitSignal"/> to the acceptor and nothing to the others; it keeps the count of
/// live connections for the connection limit. Accepting runs on a .NET task that only posts
/// messages to the acceptor, so the acceptor itself never blocks outside a receive.
/// </remarks>
public sealed class TcpServer
{
    private sealed record Accepted(Socket Socket);

    private sealed record Stopped;

    private readonly TcpListener _listener;
    private readonly TcpServerOptions _options;

    private TcpServer(TcpListener listener, TcpServerOptions options, Pid acceptor)
    {
        _listener = listener;
        _options = options;
        Acceptor = acceptor;
    }

    /// <summary>The acceptor process; exiting it (<see cref="Stop"/>) ends every connection.</summary>
    public Pid Acceptor { get; }

    /// <summary>The port the server listens on (on 127.0.0.1).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Starts listening on 127.0.0.1 and spawns the acceptor from <paramref name="self"/>
    /// (not linked to it).</summary>
    public static TcpServer Start(Process self, TcpServerOptions? options = null)
    {
        options ??= new TcpServerOptions();
        var listener = new TcpListener(IPAddress.Loopback, options.Port);
        listener.Start(backlog: 1024);
        var acceptor = self.Spawn(me => AcceptorAsync(me, listener, options));
        return new TcpServer(listener, options, acceptor);
    }

    /// <summary>Stops listening and ends the acceptor, which takes every connection with it.</summary>
    public void Stop(Node node)
    {
        _listener.Stop();
        node.Exit(Acceptor, ExitReason.Shutdown);
    }

    private static async Task AcceptorAsync(Process me, TcpListener listener, TcpServerOptions options)
    {
        me.TrapExit = true;
        var store = Ets.New(me, "tcp_store", new TableOptions { Access = TableAccess.Public, ReadConcurrency = true, WriteConcurrency = true });
        var node = me.Node;
        var self = me.Self;
        _ = Task.Run(async () =>
        {
            try
            {
                while (true) node.Send(self, new Accepted(await listener.AcceptSocketAsync().ConfigureAwait(false)));
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                node.Send(self, new Stopped());
            }
        });
        var live = 0;
        try
        {
            while (true)
            {
                switch (await me.Receive())
                {
                    case Accepted a when live >= options.MaxConnections:
                    {
                        var refused = new LineConnection(node, a.Socket, options.MaxLineBytes, 1);
                        refused.Send("error busy");
                        refused.Close();
                        break;
                    }
                    case Accepted a:
                        live++;
                        var connection = new LineConnection(node, a.Socket, options.MaxLineBytes, options.MaxQueuedLines);
                        me.SpawnLink(handler => ConnectionAsync(handler, connection, store, options));
                        break;
                    case ExitSignal exit when exit.From == Pid.Outside || exit.Reason.IsKill:
                        // An exit signal from outside (Stop): end, and every linked connection with us.
                        me.Exit(exit.Reason);
                        break;
                    case ExitSignal:
                        live--;
                        break;
                    case Stopped:
                        return;
                }
            }
        }
        finally
        {
            listener.Stop();
        }
    }

    private static async Task ConnectionAsync(Process me, LineConnection connection, TableId store, TcpServerOptions options)
    {
        try
        {
            while (true)
            {
                connection.ActivateOnce(me.Self);
                var message = await me.Receive(m => m is TcpLine or TcpClosed or TcpError, options.IdleTimeout);
                switch (message)
                {
                    case null:
                        connection.Send("bye idle");
                        connection.Close();
                        return;
                    case TcpClosed:
                        connection.Close();
                        return;
                    case TcpError error:
                        connection.Send($"error {error.Reason}");
                        connection.Close();
                        return;
                    case TcpLine { Line: var line }:
                        if (Answer(me, store, line) is not { } answer)
                        {
                            connection.Close();
                            return;
                        }
                        // A client that does not read its answers is dropped, not buffered for.
                        if (!connection.Send(answer))
                        {
                            connection.Abort();
                            return;
                        }
                        break;
                }
            }
        }
        catch
        {
            connection.Abort();
            throw;
        }
    }

    /// <summary>The answer to one command line, or null for <c>quit</c>.</summary>
    private static string? Answer(Process me, TableId store, string line)
    {
        var parts = line.Split(' ', 3);
        return parts switch
        {
            ["echo", ..] => line.Length > 5 ? line[5..] : "",
            ["put", var key, var value] => Put(me, store, key, value),
            ["get", var key] => Ets.Lookup(me, store, key) is [var obj] ? $"value {obj[1]}" : "not_found",
            ["quit"] => null,
            ["crash"] => throw new InvalidOperationException("this connection's handler was told to crash"),
            _ => "error unknown_command",
        };
    }

    private static string Put(Process me, TableId store, string key, string value)
    {
        Ets.Insert(me, store, (key, value));
        return "ok";
    }
}
