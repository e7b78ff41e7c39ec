namespace Otp.Distribution.Epmd;

/// <summary>What EPMD knows about a registered node (PORT2_RESP).</summary>
/// <param name="Alive">The name before the <c>@</c>.</param>
/// <param name="Port">The port its distribution listener accepts connections on.</param>
/// <param name="Hidden">Registered as a hidden node (type 72) rather than a normal one (77).</param>
/// <param name="HighestVersion">Highest distribution version it speaks (6 for OTP 23+).</param>
/// <param name="LowestVersion">Lowest distribution version it speaks.</param>
public sealed record EpmdNodeInfo(string Alive, int Port, bool Hidden, int HighestVersion, int LowestVersion);
