namespace Otp.Distribution.Connections;

/// <summary>Where a connection to another node stands.</summary>
public enum ConnectionState
{
    /// <summary>The handshake is under way; messages sent meanwhile wait in its queue.</summary>
    Pending,
    /// <summary>Connected: messages flow both ways.</summary>
    Up,
    /// <summary>Closed or failed; links and monitors across it have fired <c>noconnection</c>.</summary>
    Down,
}
