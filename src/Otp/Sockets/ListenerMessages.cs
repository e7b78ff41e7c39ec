namespace Otp.Sockets;

/// <summary>A new connection from a <see cref="LineListener"/>, one per
/// <see cref="LineListener.AcceptOnce"/> (Erlang's <c>{inet_async, Listen, Ref, {ok, Socket}}</c>).
/// The receiving process owns <paramref name="Connection"/> until it hands it on with
/// <see cref="LineConnection.ControllingProcess"/>.</summary>
public sealed record TcpAccepted(LineListener Listener, LineConnection Connection)
{
    /// <inheritdoc/>
    public override string ToString() => $"{{tcp_accepted,{Connection}}}";
}

/// <summary>The listener was closed while (or before) accepting: no more connections will come
/// from it (Erlang's <c>{inet_async, Listen, Ref, {error, closed}}</c>).</summary>
public sealed record TcpListenerClosed(LineListener Listener)
{
    /// <inheritdoc/>
    public override string ToString() => "{tcp_listener_closed}";
}
