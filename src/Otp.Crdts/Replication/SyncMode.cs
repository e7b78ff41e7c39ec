namespace Otp.Crdts.Replication;

/// <summary>How replicas in a <see cref="ReplicaGroup{T}"/> exchange state on each round of anti-entropy.</summary>
public enum SyncMode
{
    /// <summary>Every replica sends its whole state to every peer, every round (Lasp's <c>state_based</c>, Akka's gossip).
    /// Simple and loss-tolerant, but the cost grows with the state, not with the changes.</summary>
    FullState,

    /// <summary>Delta intervals with acknowledgements, for a group where every replica talks to every
    /// other: each replica buffers only its own deltas and sends a peer the join of those the peer
    /// has not acknowledged; a peer that is up to date costs nothing. Unacknowledged deltas are
    /// resent, so a lost message is repaired on a later round, and no delta needs relaying.</summary>
    DeltaInterval,

    /// <summary>Almeida et al.'s Algorithm 2 (Lasp's <c>delta_based</c>): as <see cref="DeltaInterval"/>,
    /// but a replica also buffers every received delta that changed its state and relays it to the
    /// other peers (never back to its origin), which a partial topology needs. In a full mesh the
    /// relayed intervals nest, each containing the one relayed the round before, until an interval
    /// is the whole history: the cost Enes et al. (2018) remove by buffering only the part of a
    /// received delta that is new.</summary>
    DeltaIntervalRelay,
}
