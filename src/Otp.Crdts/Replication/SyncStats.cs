namespace Otp.Crdts.Replication;

/// <summary>
/// What anti-entropy cost: messages sent (including those a partition dropped) and their size.
/// In a <see cref="ReplicaGroup{T}"/> sizes are the UTF-8 length of each CRDT payload's text form
/// (Lasp-like terms), plus a fixed 16 bytes of envelope per message: a stand-in for an encoding,
/// the same for both modes. Replicas that run between nodes (chapter 7's cluster store) count each
/// message's size in the External Term Format instead.
/// </summary>
/// <param name="StateMessages">Messages carrying a full state.</param>
/// <param name="DeltaMessages">Messages carrying a delta interval.</param>
/// <param name="AckMessages">Acknowledgements.</param>
/// <param name="Bytes">Total size, as described above.</param>
public sealed record SyncStats(int StateMessages, int DeltaMessages, int AckMessages, long Bytes)
{
    /// <summary>All messages.</summary>
    public int Messages => StateMessages + DeltaMessages + AckMessages;

    /// <summary>Adds two counts.</summary>
    public static SyncStats operator +(SyncStats a, SyncStats b) =>
        new(a.StateMessages + b.StateMessages, a.DeltaMessages + b.DeltaMessages, a.AckMessages + b.AckMessages, a.Bytes + b.Bytes);

    /// <summary>No messages.</summary>
    public static SyncStats None { get; } = new(0, 0, 0, 0);
}
