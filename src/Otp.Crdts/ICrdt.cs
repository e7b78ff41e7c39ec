namespace Otp.Crdts;

/// <summary>
/// A state-based CRDT: an immutable value of a join semilattice. <see cref="Merge"/> is the join:
/// commutative, associative and idempotent, so replicas that exchange states in any order, with
/// duplicates, converge. Deltas are values of the same type, merged the same way.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface ICrdt<TSelf> : IEquatable<TSelf> where TSelf : ICrdt<TSelf>
{
    /// <summary>The bottom of the lattice: the state of a new replica, and the identity of <see cref="Merge"/>.</summary>
    static abstract TSelf Empty { get; }

    /// <summary>The join of this state and <paramref name="other"/> (least upper bound). Never mutates either.</summary>
    TSelf Merge(TSelf other);
}

/// <summary>A state-based CRDT with a query: what a reader of the replica sees.</summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
/// <typeparam name="TValue">The type of the query's result.</typeparam>
public interface ICrdt<TSelf, out TValue> : ICrdt<TSelf> where TSelf : ICrdt<TSelf, TValue>
{
    /// <summary>The query: the value a reader sees (Lasp's <c>query/1</c>).</summary>
    TValue Value { get; }
}
