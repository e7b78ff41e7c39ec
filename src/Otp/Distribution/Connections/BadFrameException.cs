namespace Otp.Distribution.Connections;

/// <summary>A frame that breaks the protocol (bad tag, bad term, unknown control message): the
/// connection it came on is closed, nothing else is affected.</summary>
internal sealed class BadFrameException(string message, Exception? inner = null) : Exception(message, inner);
