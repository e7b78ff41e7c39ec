namespace Otp.Distribution.Handshake;

/// <summary>This node's side of a handshake.</summary>
/// <param name="Name">This node's full name.</param>
/// <param name="Cookie">The shared secret.</param>
/// <param name="Flags">The flags offered.</param>
/// <param name="Creation">This node's creation (from EPMD).</param>
public sealed record HandshakeSettings(string Name, string Cookie, DistributionFlags Flags, uint Creation);
