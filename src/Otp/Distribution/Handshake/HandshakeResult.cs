namespace Otp.Distribution.Handshake;

/// <summary>What a successful handshake agreed on.</summary>
/// <param name="PeerName">The other node's full name, <c>alive@host</c>.</param>
/// <param name="PeerFlags">The flags the other node offered.</param>
/// <param name="Flags">The flags both offered: what the connection uses.</param>
/// <param name="PeerCreation">The other node's creation.</param>
public sealed record HandshakeResult(string PeerName, DistributionFlags PeerFlags, DistributionFlags Flags, uint PeerCreation)
{
    /// <summary>True when the peer did not set <see cref="DistributionFlags.Published"/>.</summary>
    public bool PeerHidden => (PeerFlags & DistributionFlags.Published) == 0;
}
