using System.Net.Sockets;

namespace Otp.Distribution.Epmd;

/// <summary>
/// A node's registration with EPMD: the open connection that keeps it (EPMD forgets the name when
/// the connection closes) and the creation number EPMD assigned.
/// </summary>
public sealed class EpmdRegistration : IDisposable
{
    private readonly TcpClient _connection;

    internal EpmdRegistration(TcpClient connection, uint creation)
    {
        _connection = connection;
        Creation = creation;
        Closed = WatchAsync();
    }

    /// <summary>The creation EPMD gave this incarnation; every pid and reference the node makes
    /// carries it.</summary>
    public uint Creation { get; }

    /// <summary>Completes when EPMD closes the connection (for example, the EPMD process ended),
    /// which means the name is no longer registered.</summary>
    public Task Closed { get; }

    private async Task WatchAsync()
    {
        var one = new byte[1];
        try
        {
            // EPMD never sends anything more; a read returns only when it closes.
            while (await _connection.GetStream().ReadAsync(one).ConfigureAwait(false) > 0) { }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
        }
    }

    /// <summary>Unregisters (closes the connection).</summary>
    public void Dispose() => _connection.Dispose();
}
