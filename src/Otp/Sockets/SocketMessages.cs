namespace Otp.Sockets;

/// <summary>A complete line from the peer, without its line ending: Erlang's
/// <c>{tcp, Socket, Data}</c> for a socket in <c>{packet, line}</c> mode. One arrives per
/// <see cref="LineConnection.ActivateOnce"/>.</summary>
public sealed record TcpLine(LineConnection Connection, string Line)
{
    /// <inheritdoc/>
    public override string ToString() => $"{{tcp,{Connection},\"{Line}\"}}";
}

/// <summary>The peer closed the connection (Erlang's <c>{tcp_closed, Socket}</c>); a partial line
/// it left behind is dropped. The owner should close its side.</summary>
public sealed record TcpClosed(LineConnection Connection)
{
    /// <inheritdoc/>
    public override string ToString() => $"{{tcp_closed,{Connection}}}";
}

/// <summary>The connection failed (Erlang's <c>{tcp_error, Socket, Reason}</c>): a line longer
/// than the limit (<c>line_too_long</c>), or a socket error (<c>closed</c>). Nothing more will be
/// read; the owner should close the connection, after telling the peer why if it can.</summary>
public sealed record TcpError(LineConnection Connection, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{{tcp_error,{Connection},{Reason}}}";
}
