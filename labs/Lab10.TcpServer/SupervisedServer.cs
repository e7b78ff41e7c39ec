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
    public static Task<Listening> StartAsync(Process self) =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");
}
