using Otp;
using Otp.Behaviours;
using Otp.Sockets;

namespace Lab10.TcpServer;

/// <summary>Task 4: connection processes under a supervisor, where one crash hurts no one else.</summary>
public static class SupervisedServer
{
    /// <summary>The name the connections' supervisor is registered under.</summary>
    public const string SupervisorName = "connection_sup";

    /// <summary>
    /// Task 4: spawns the acceptor, which starts a one-for-one supervisor registered as
    /// <see cref="SupervisorName"/>; each connection's process is a <b>temporary</b> child of that
    /// supervisor. The protocol is echo, except that the line <c>crash</c> makes that connection's
    /// process crash: its client is closed, and no other connection, nor the acceptor, nor the
    /// supervisor notices. Returns once the acceptor listens.
    /// </summary>
    public static async Task<Listening> StartAsync(Process self)
    {
        var parent = self.Self;
        var acceptor = self.Spawn(async me =>
        {
            var supervisor = await Supervisor.StartLinkAsync(me, new SupervisorSpec(RestartStrategy.OneForOne, []), SupervisorName);
            var listener = LineListener.Listen(me);
            me.Send(parent, new Listening(me.Self, listener.Port));
            for (var n = 1; ; n++)
            {
                listener.AcceptOnce(me.Self);
                if (await me.Receive(m => m is TcpAccepted or TcpListenerClosed) is not TcpAccepted { Connection: var connection }) return;
                // Temporary: a crashed connection is not restarted, its client is gone.
                var child = new ChildSpec($"connection{n}", sup => ValueTask.FromResult(sup.SpawnLink(h => ServeAsync(h, connection))))
                {
                    Restart = Restart.Temporary,
                };
                connection.ControllingProcess(await Supervisor.StartChildAsync(me, supervisor, child));
            }
        });
        return await self.Receive<Listening>(l => l.Acceptor == acceptor);
    }

    private static async Task ServeAsync(Process me, LineConnection connection)
    {
        while (true)
        {
            connection.ActivateOnce(me.Self);
            switch (await me.Receive(m => m is TcpLine or TcpClosed or TcpError))
            {
                case TcpLine { Line: "crash" }:
                    throw new InvalidOperationException("the client asked this connection's process to crash");
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
