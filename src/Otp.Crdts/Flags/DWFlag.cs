using Otp.Crdts.Causality;

namespace Otp.Crdts.Flags;

/// <summary>
/// A disable-wins flag (Lasp <c>state_dwflag</c>), the mirror of <see cref="EWFlag"/>. Starts enabled.
/// <list type="bullet">
/// <item>State: a <see cref="DotSet"/> of disables not yet observed-enabled, and a causal context.</item>
/// <item>Operations: <see cref="Disable"/> adds a new dot; <see cref="Enable"/> drops every dot it has seen.</item>
/// <item>Merge: causal; a disable concurrent with an enable survives.</item>
/// <item>Query: enabled when no dot remains.</item>
/// </list>
/// Same as Lasp.
/// </summary>
public sealed class DWFlag : CausalCrdt<DWFlag>, ICausalCrdt<DWFlag>, ICrdt<DWFlag, bool>
{
    private DWFlag(DotStore store, CausalContext context) : base(store, context) { }

    /// <summary>Enabled, nothing seen.</summary>
    public static DWFlag Empty { get; } = new(DotSet.Empty, CausalContext.Empty);

    /// <inheritdoc/>
    public static DotStore EmptyStore => DotSet.Empty;

    /// <inheritdoc/>
    public static DWFlag FromState(DotStore store, CausalContext context) =>
        store is DotSet ? new(store, context) : throw new ArgumentException($"A DWFlag needs a DotSet, not a {store.GetType().Name}.", nameof(store));

    /// <summary>Enabled when no disable's dot remains.</summary>
    public bool Value => Store.IsEmpty;

    /// <summary>Disables at <paramref name="replica"/>.</summary>
    public DWFlag Disable(ReplicaId replica)
    {
        var dot = Context.Next(replica);
        return new(DotSet.Of(dot), Context.Add(dot));
    }

    /// <summary>The delta of <see cref="Disable"/>.</summary>
    public DWFlag DisableDelta(ReplicaId replica)
    {
        var dot = Context.Next(replica);
        return new(DotSet.Of(dot), CausalContext.Of(Store.Dots.Append(dot)));
    }

    /// <summary>Enables: drops every disable seen.</summary>
    public DWFlag Enable() => new(DotSet.Empty, Context);

    /// <summary>The delta of <see cref="Enable"/>.</summary>
    public DWFlag EnableDelta() => new(DotSet.Empty, CausalContext.Of(Store.Dots));
}
