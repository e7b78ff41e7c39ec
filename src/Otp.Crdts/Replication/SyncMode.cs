namespace Otp.Crdts.Replication;

/// <summary>How replicas in a <see cref="ReplicaGroup{T}"/> exchange state on each round of anti-entropy.</summary>
public enum SyncMode
{
    /// <summary>Every replica sends its whole state to every peer, every round (Lasp's <c>state_based</c>, Akka's gossip).
    /// Simple and loss-tolerant, but the cost grows with the state, not with the changes.</summary>
    FullState,

    /// <summary>Delta intervals with acknowledgements (Almeida et al. Algorithm 2, Lasp's <c>delta_based</c>):
    /// each replica buffers its deltas and sends a peer only the join of those the peer has not
    /// acknowledged; a peer that is up to date costs nothing. Unacknowledged deltas are resent, so
    /// a lost message is repaired on a later round.</summary>
    DeltaInterval,
}
