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
    public static Task<Listening> StartAsync(Process self, ServerLimits limits) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");
}
