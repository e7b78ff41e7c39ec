using System.Collections.Immutable;
using Otp.Crdts.Causality;

namespace Otp.Crdts.Sets;

/// <summary>
/// An add-wins set without tombstones (Lasp <c>state_awset</c>; riak_dt's ORSWOT; Akka's ORSet).
/// <list type="bullet">
/// <item>State: a <see cref="DotMap{TKey}"/> from each present element to the dots of its adds, and
/// one compressed causal context.</item>
/// <item>Operations: <see cref="Add"/> makes a new dot and drops the element's older ones;
/// <see cref="Remove"/> drops the element's dots. The delta of an add is the new dot with a context
/// of the element's old dots plus the new one; of a remove, no dot and a context of the element's dots.</item>
/// <item>Merge: causal; a removed element leaves nothing behind but the context, which compresses to
/// one number per replica.</item>
/// <item>Query: the elements present.</item>
/// </list>
/// Same as Lasp (<c>filter</c> is on <see cref="AWSetWithProvenance{T}"/>, the type Lasp's dataflow uses).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class AWSet<T> : CausalCrdt<AWSet<T>>, ICausalCrdt<AWSet<T>>, ICrdt<AWSet<T>, ImmutableSortedSet<T>> where T : notnull
{
    private AWSet(DotStore store, CausalContext context) : base(store, context) { }

    /// <summary>The empty set.</summary>
    public static AWSet<T> Empty { get; } = new(EmptyStore, CausalContext.Empty);

    /// <inheritdoc/>
    public static DotStore EmptyStore => DotMap<T>.Empty(DotSet.Empty);

    /// <inheritdoc/>
    public static AWSet<T> FromState(DotStore store, CausalContext context) =>
        store is DotMap<T> ? new(store, context) : throw new ArgumentException($"An AWSet needs a DotMap<{typeof(T).Name}>, not a {store.GetType().Name}.", nameof(store));

    private DotMap<T> Map => (DotMap<T>)Store;

    /// <summary>The elements present, sorted.</summary>
    public ImmutableSortedSet<T> Value => Order<T>.EmptySet.Union(Map.Entries.Keys);

    /// <summary>Whether <paramref name="element"/> is present.</summary>
    public bool Contains(T element) => Map.Entries.ContainsKey(element);

    /// <summary>Adds <paramref name="element"/> at <paramref name="replica"/>.</summary>
    public AWSet<T> Add(ReplicaId replica, T element)
    {
        var dot = Context.Next(replica);
        return new(Map.With(element, DotSet.Of(dot)), Context.Add(dot));
    }

    /// <summary>The delta of <see cref="Add"/>.</summary>
    public AWSet<T> AddDelta(ReplicaId replica, T element)
    {
        var dot = Context.Next(replica);
        return new(DotMap<T>.Empty(DotSet.Empty).With(element, DotSet.Of(dot)), CausalContext.Of(Map[element].Dots.Append(dot)));
    }

    /// <summary>Removes <paramref name="element"/> (the adds seen; a concurrent add elsewhere survives).</summary>
    public AWSet<T> Remove(T element) => new(Map.With(element, DotSet.Empty), Context);

    /// <summary>The delta of <see cref="Remove"/>.</summary>
    public AWSet<T> RemoveDelta(T element) => new(EmptyStore, CausalContext.Of(Map[element].Dots));
}
