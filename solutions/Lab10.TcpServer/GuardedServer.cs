using Otp;
using Otp.Sockets;

namespace Lab10.TcpServer;

/// <summary>Task 3: an echo server that no client can make grow or wait without bound.</summary>
public static class GuardedServer
{
    /// <summary>
    /// Task 3: the echo server of Task 1 with <paramref name="limits"/>: at most
    /// <see cref="ServerLimits.MaxConnections"/> clients at once (one more reads <c>error busy</c>
    /// and is closed; a place frees when a connection's process ends); a client silent for
    /// <see cref="ServerLimits.IdleTimeout"/> reads <c>bye idle</c> and is closed; a line longer than
    /// <see cref="ServerLimits.MaxLineBytes"/> is answered <c>error line_too_long</c> and closes
    /// that connection only.
    /// </summary>
    public static async Task<Listening> StartAsync(Process self, ServerLimits limits)
    {
        var parent = self.Self;
        var acceptor = self.Spawn(async me =>
        {
            // Linked handlers and trapped exits: every end of a connection is a message here.
            me.TrapExit = true;
            var listener = LineListener.Listen(me, maxLineBytes: limits.MaxLineBytes);
            me.Send(parent, new Listening(me.Self, listener.Port));
            var live = 0;
            listener.AcceptOnce(me.Self);
            while (true)
            {
                switch (await me.Receive())
                {
                    case TcpAccepted { Connection: var refused } when live >= limits.MaxConnections:
                        refused.Send("error busy");
                        refused.Close();
                        listener.AcceptOnce(me.Self);
                        break;
                    case TcpAccepted { Connection: var connection }:
                        live++;
                        connection.ControllingProcess(me.SpawnLink(h => ServeAsync(h, connection, limits.IdleTimeout)));
                        listener.AcceptOnce(me.Self);
                        break;
                    case ExitSignal:
                        live--;
                        break;
                    case TcpListenerClosed:
                        return;
                }
            }
        });
        return await self.Receive<Listening>(l => l.Acceptor == acceptor);
    }

    private static async Task ServeAsync(Process me, LineConnection connection, TimeSpan idle)
    {
        while (true)
        {
            connection.ActivateOnce(me.Self);
            switch (await me.Receive(m => m is TcpLine or TcpClosed or TcpError, idle))
            {
                case TcpLine { Line: var line }:
                    connection.Send(line);
                    break;
                case null:
                    connection.Send("bye idle");
                    connection.Close();
                    return;
                case TcpError { Reason: var reason }:
                    connection.Send($"error {reason}");
                    connection.Close();
                    return;
                default:
                    connection.Close();
                    return;
            }
        }
    }
}
