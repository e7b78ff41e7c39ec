namespace Otp.Distribution.Epmd;

/// <summary>EPMD refused a request or answered something that is not its protocol.</summary>
public sealed class EpmdException(string message, Exception? inner = null) : Exception(message, inner);
