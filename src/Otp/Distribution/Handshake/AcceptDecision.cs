namespace Otp.Distribution.Handshake;

/// <summary>How an accepting node answers a node that wants to connect (the status message).</summary>
public enum AcceptDecision
{
    /// <summary><c>ok</c>: go on.</summary>
    Ok,
    /// <summary><c>ok_simultaneous</c>: both dialled at once and this node gives up its own attempt.</summary>
    OkSimultaneous,
    /// <summary><c>nok</c>: both dialled at once and this node's own attempt wins.</summary>
    Nok,
    /// <summary><c>not_allowed</c>: refused.</summary>
    NotAllowed,
    /// <summary><c>alive</c>: already connected; the initiator says whether to replace that connection.</summary>
    Alive,
}
