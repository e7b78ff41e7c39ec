namespace Otp.Sockets;

/// <summary>The limits of a <see cref="TcpServer"/>. Every one bounds memory or time, so that
/// no client, however it behaves, can make the server grow or wait without bound.</summary>
public sealed record TcpServerOptions
{
    /// <summary>The loopback port to listen on; 0 picks a free one (see <see cref="TcpServer.Port"/>).</summary>
    public int Port { get; init; }

    /// <summary>Connections served at once; the next one is told <c>error busy</c> and closed.</summary>
    public int MaxConnections { get; init; } = 10_000;

    /// <summary>A connection that sends no complete line for this long is told <c>bye idle</c>
    /// and closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest line accepted, in bytes; a longer one is an error and closes the connection.</summary>
    public int MaxLineBytes { get; init; } = 1024;

    /// <summary>Answers that may wait for a client that does not read them; past that the client
    /// is a slow reader and is dropped.</summary>
    public int MaxQueuedLines { get; init; } = 64;
}
