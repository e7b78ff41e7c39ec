namespace Otp.Crdts.Causality;

/// <summary>
/// The shared part of every causal type: a dot store with its causal context, the causal join,
/// equality by state, and Lasp's text <c>{Store, {VV, Cloud}}</c>.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public abstract class CausalCrdt<TSelf> : IEquatable<TSelf> where TSelf : CausalCrdt<TSelf>, ICausalCrdt<TSelf>
{
    /// <summary>Creates the value from its store and context.</summary>
    protected CausalCrdt(DotStore store, CausalContext context)
    {
        Store = store;
        Context = context;
    }

    /// <summary>The dot store.</summary>
    public DotStore Store { get; }

    /// <summary>Every event this state has seen.</summary>
    public CausalContext Context { get; }

    /// <summary>The causal join: dots kept by the dot rule (see <see cref="DotStore"/>), contexts united.</summary>
    public TSelf Merge(TSelf other)
    {
        var (s, c) = Causal.Join(Store, Context, other.Store, other.Context);
        return TSelf.FromState(s, c);
    }

    /// <inheritdoc/>
    public bool Equals(TSelf? other) => other is not null && Store.Equals(other.Store) && Context.Equals(other.Context);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TSelf t && Equals(t);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Store, Context);
    /// <summary>Lasp's text: <c>{Store, {VV, Cloud}}</c>.</summary>
    public override string ToString() => "{" + Store + "," + Context + "}";
}
