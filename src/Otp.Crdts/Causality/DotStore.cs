namespace Otp.Crdts.Causality;

/// <summary>
/// The payload of a causal CRDT (Almeida et al., "Delta State Replicated Data Types" §6): a store
/// of dots, always paired with a <see cref="CausalContext"/>. The join rule that makes removes work
/// without tombstones: a dot survives a merge if both sides have it, or if one side has it and the
/// other side's context has never seen it. A dot the other side has seen but no longer holds was
/// removed there.
/// </summary>
public abstract class DotStore : IEquatable<DotStore>
{
    /// <summary>Whether the store holds no dot (the bottom of its kind).</summary>
    public abstract bool IsEmpty { get; }

    /// <summary>Every dot the store holds (for a map, the dots of all its values).</summary>
    public abstract IEnumerable<Dot> Dots { get; }

    /// <summary>An empty store of the same kind, used when a map key exists on one side only.</summary>
    public abstract DotStore EmptyLike();

    /// <summary>
    /// The store part of the join of (<c>this</c>, <paramref name="mine"/>) and
    /// (<paramref name="other"/>, <paramref name="theirs"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The stores are of different kinds.</exception>
    public abstract DotStore Join(CausalContext mine, DotStore other, CausalContext theirs);

    /// <inheritdoc/>
    public abstract bool Equals(DotStore? other);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DotStore);
    /// <inheritdoc/>
    public abstract override int GetHashCode();

    private protected static T Same<T>(DotStore other) where T : DotStore =>
        other as T ?? throw new ArgumentException($"Cannot join a {typeof(T).Name} with a {other.GetType().Name}: the two replicas disagree on the type stored.");
}
