using Otp.Crdts.Causality;

namespace Otp.Crdts.Flags;

/// <summary>
/// An enable-wins flag (Lasp <c>state_ewflag</c>; riak_dt's <c>od_flag</c>). Starts disabled.
/// <list type="bullet">
/// <item>State: a <see cref="DotSet"/> of enables not yet observed-disabled, and a causal context.</item>
/// <item>Operations: <see cref="Enable"/> adds a new dot and drops the old ones; <see cref="Disable"/>
/// drops every dot it has seen. Deltas carry the new dot (if any) and a context of the dropped ones.</item>
/// <item>Merge: causal; an enable concurrent with a disable survives, because the disable never saw its dot.</item>
/// <item>Query: enabled when a dot remains.</item>
/// </list>
/// Same as Lasp.
/// </summary>
public sealed class EWFlag : CausalCrdt<EWFlag>, ICausalCrdt<EWFlag>, ICrdt<EWFlag, bool>
{
    private EWFlag(DotStore store, CausalContext context) : base(store, context) { }

    /// <summary>Disabled, nothing seen.</summary>
    public static EWFlag Empty { get; } = new(DotSet.Empty, CausalContext.Empty);

    /// <inheritdoc/>
    public static DotStore EmptyStore => DotSet.Empty;

    /// <inheritdoc/>
    public static EWFlag FromState(DotStore store, CausalContext context) =>
        store is DotSet ? new(store, context) : throw new ArgumentException($"An EWFlag needs a DotSet, not a {store.GetType().Name}.", nameof(store));

    /// <summary>Enabled when an enable's dot remains.</summary>
    public bool Value => !Store.IsEmpty;

    /// <summary>Enables at <paramref name="replica"/>.</summary>
    public EWFlag Enable(ReplicaId replica)
    {
        var dot = Context.Next(replica);
        return new(DotSet.Of(dot), Context.Add(dot));
    }

    /// <summary>The delta of <see cref="Enable"/>.</summary>
    public EWFlag EnableDelta(ReplicaId replica)
    {
        var dot = Context.Next(replica);
        return new(DotSet.Of(dot), CausalContext.Of(Store.Dots.Append(dot)));
    }

    /// <summary>Disables: drops every enable seen. No replica id is needed since no dot is made.</summary>
    public EWFlag Disable() => new(DotSet.Empty, Context);

    /// <summary>The delta of <see cref="Disable"/>: no dot, a context of the enables it drops.</summary>
    public EWFlag DisableDelta() => new(DotSet.Empty, CausalContext.Of(Store.Dots));
}
