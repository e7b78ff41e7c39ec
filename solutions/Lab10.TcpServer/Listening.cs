using Otp;

namespace Lab10.TcpServer;

/// <summary>A running server: its acceptor process and the loopback port it listens on.</summary>
/// <param name="Acceptor">The process that accepts connections (and owns the listener).</param>
/// <param name="Port">The port on 127.0.0.1 that clients connect to.</param>
public sealed record Listening(Pid Acceptor, int Port);
