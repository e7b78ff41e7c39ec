namespace Otp.Distribution.Handshake;

/// <summary>A handshake that did not end in a connection: a refusal (wrong cookie, missing
/// flags, not allowed), a protocol error, or a timeout. The message is what the log shows.</summary>
public sealed class HandshakeException(string message, Exception? inner = null) : Exception(message, inner);
