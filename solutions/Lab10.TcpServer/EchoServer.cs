using Otp;
using Otp.Sockets;

namespace Lab10.TcpServer;

/// <summary>Task 1: an echo server with an acceptor and one process per connection.</summary>
public static class EchoServer
{
    /// <summary>
    /// Task 1: spawns the acceptor (linked to nobody). It opens a <see cref="LineListener"/> on a
    /// free loopback port and, for each client, spawns one process that owns the connection and
    /// sends every line straight back, one line at a time (<see cref="LineConnection.ActivateOnce"/>),
    /// and ends normally when the client closes. Returns once the acceptor listens.
    /// </summary>
    public static async Task<Listening> StartAsync(Process self)
    {
        var parent = self.Self;
        var acceptor = self.Spawn(async me =>
        {
            var listener = LineListener.Listen(me);
            me.Send(parent, new Listening(me.Self, listener.Port));
            await AcceptLoopAsync(me, listener, EchoAsync);
        });
        return await self.Receive<Listening>(l => l.Acceptor == acceptor);
    }

    /// <summary>Accepts connections for ever, each handed to a new process running
    /// <paramref name="handle"/>; ends when the listener closes.</summary>
    internal static async Task AcceptLoopAsync(Process me, LineListener listener, Func<Process, LineConnection, Task> handle)
    {
        while (true)
        {
            listener.AcceptOnce(me.Self);
            if (await me.Receive(m => m is TcpAccepted or TcpListenerClosed) is not TcpAccepted { Connection: var connection }) return;
            var handler = me.Spawn(h => handle(h, connection));
            // The handler owns the socket: if it crashes, its client is closed, not left waiting.
            connection.ControllingProcess(handler);
        }
    }

    private static async Task EchoAsync(Process me, LineConnection connection)
    {
        while (true)
        {
            connection.ActivateOnce(me.Self);
            switch (await me.Receive(m => m is TcpLine or TcpClosed or TcpError))
            {
                case TcpLine { Line: var line }:
                    connection.Send(line);
                    break;
                default:
                    connection.Close();
                    return;
            }
        }
    }
}
