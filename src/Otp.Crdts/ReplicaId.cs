namespace Otp.Crdts;

/// <summary>
/// The identity of one replica: one sequential actor that updates a CRDT (Lasp's <c>Actor</c>).
/// Two replicas must never share an id, or their updates collide. Ordered by name (ordinal), which
/// is what every type uses to break ties deterministically.
/// </summary>
/// <param name="Name">A short name such as <c>"a"</c> or a node name.</param>
public readonly record struct ReplicaId(string Name) : IComparable<ReplicaId>
{
    /// <summary>Orders by <see cref="Name"/>, ordinal.</summary>
    public int CompareTo(ReplicaId other) => string.CompareOrdinal(Name, other.Name);

    /// <summary>The name.</summary>
    public override string ToString() => Name;

    /// <summary>Lets a plain string stand for a replica id: <c>counter.Increment("a")</c>.</summary>
    public static implicit operator ReplicaId(string name) => new(name);
}
