namespace Otp.Crdts.Causality;

/// <summary>
/// A CRDT whose state is a dot store with a causal context, so it can be nested in an
/// <see cref="Maps.AWMap{TKey, TValue}"/>: the map keeps each value's store under its key and one
/// context for all of them, as in Almeida et al.'s ORMap.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface ICausalCrdt<TSelf> : ICrdt<TSelf> where TSelf : ICausalCrdt<TSelf>
{
    /// <summary>The dot store.</summary>
    DotStore Store { get; }

    /// <summary>The causal context: every event this state has seen.</summary>
    CausalContext Context { get; }

    /// <summary>An empty store of this type's kind.</summary>
    static abstract DotStore EmptyStore { get; }

    /// <summary>Rebuilds a value from a store and a context.</summary>
    /// <exception cref="ArgumentException">The store is not of this type's kind.</exception>
    static abstract TSelf FromState(DotStore store, CausalContext context);
}
