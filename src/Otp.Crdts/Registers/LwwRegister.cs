namespace Otp.Crdts.Registers;

/// <summary>
/// A last-writer-wins register (Lasp <c>state_lwwregister</c>).
/// <list type="bullet">
/// <item>State: the value with the timestamp and the replica of the write that set it.</item>
/// <item>Operations: <see cref="Set"/>; its delta is the new register itself.</item>
/// <item>Merge: the write with the larger (timestamp, replica) wins; between two writes with the
/// same timestamp and replica (which one sequential replica never makes) the larger value wins.</item>
/// <item>Query: the value (<c>default</c> before any write).</item>
/// </list>
/// Differs from Lasp: there, equal timestamps make merge return its second argument, so
/// <c>merge(A, B) ≠ merge(B, A)</c> and replicas can disagree for ever. Timestamps from
/// <c>erlang:unique_integer</c> are unique per node only, so ties happen across nodes. Breaking the
/// tie by replica id (as Akka does) makes the merge commutative; the concurrent write that loses is
/// still lost, which is the type's nature.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class LwwRegister<T> : ICrdt<LwwRegister<T>, T?>
{
    private LwwRegister(long timestamp, ReplicaId replica, T? value)
    {
        Timestamp = timestamp;
        Replica = replica;
        Value = value;
    }

    /// <summary>The register before any write: timestamp 0, value <c>default</c>.</summary>
    public static LwwRegister<T> Empty { get; } = new(0, new ReplicaId(""), default);

    /// <summary>The timestamp of the winning write.</summary>
    public long Timestamp { get; }

    /// <summary>The replica of the winning write.</summary>
    public ReplicaId Replica { get; }

    /// <summary>The value.</summary>
    public T? Value { get; }

    /// <summary>Writes <paramref name="value"/> at <paramref name="timestamp"/> from <paramref name="replica"/>. An older
    /// timestamp than the current one loses at once, exactly as it would in a merge.</summary>
    public LwwRegister<T> Set(long timestamp, ReplicaId replica, T value) => Merge(SetDelta(timestamp, replica, value));

    /// <summary>The delta of <see cref="Set"/>: the write alone.</summary>
    public LwwRegister<T> SetDelta(long timestamp, ReplicaId replica, T value) => new(timestamp, replica, value);

    /// <inheritdoc/>
    public LwwRegister<T> Merge(LwwRegister<T> other)
    {
        var c = Timestamp.CompareTo(other.Timestamp);
        if (c == 0) c = Replica.CompareTo(other.Replica);
        if (c == 0) c = Order<T?>.Comparer.Compare(Value, other.Value);
        return c >= 0 ? this : other;
    }

    /// <inheritdoc/>
    public bool Equals(LwwRegister<T>? other) => other is not null && Timestamp == other.Timestamp && Replica == other.Replica && EqualityComparer<T?>.Default.Equals(Value, other.Value);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LwwRegister<T>);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Timestamp, Replica, Value);
    /// <summary>Text: <c>{Timestamp,Replica,Value}</c>.</summary>
    public override string ToString() => $"{{{Timestamp},{Replica},{Structural.Term(Value)}}}";
}
