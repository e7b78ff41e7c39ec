namespace Lab10.TcpServer;

/// <summary>The limits of Task 3's server.</summary>
/// <param name="MaxConnections">Connections served at once; the next client reads <c>error busy</c>
/// and is closed.</param>
/// <param name="IdleTimeout">A client that sends no line for this long reads <c>bye idle</c> and
/// is closed.</param>
/// <param name="MaxLineBytes">The longest line accepted; a longer one is answered
/// <c>error line_too_long</c> and closes that connection.</param>
public sealed record ServerLimits(int MaxConnections, TimeSpan IdleTimeout, int MaxLineBytes);
