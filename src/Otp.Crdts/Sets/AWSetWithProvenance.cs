using System.Collections.Immutable;
using Otp.Crdts.Causality;

namespace Otp.Crdts.Sets;

/// <summary>
/// An add-wins set that records why each element is present (Lasp <c>state_awset_ps</c>, the set
/// Lasp's dataflow runs on), so derived sets (<see cref="Filter"/>, <see cref="Product{TOther}"/>)
/// stay CRDTs: a derived element carries the events it came from, and removing a source element
/// removes what was derived from it on every replica.
/// <list type="bullet">
/// <item>State: for each present element, its <see cref="Witness"/>es (sets of add events), and the
/// causal context of every event seen.</item>
/// <item>Operations: <see cref="Add"/> replaces the element's witnesses with one new event;
/// <see cref="Remove"/> drops them. Deltas as for <see cref="AWSet{T}"/>, with the context covering
/// the dropped witnesses' events.</item>
/// <item>Merge: a witness survives if both sides hold it, or if one holds it and the other has not
/// seen all of its events (seen all and not holding it means removed there).</item>
/// <item>Query: the elements with a witness.</item>
/// </list>
/// Differs from Lasp in representation: Lasp keeps an event-to-elements index and a separate set of
/// filtered-out events, and its context is a vclock for full states and an event set for deltas.
/// Here a filtered-out element simply has no entry and the context is one compressed
/// <see cref="CausalContext"/>; for adds and removes the observable behaviour is the same as Lasp's.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class AWSetWithProvenance<T> : ICrdt<AWSetWithProvenance<T>, ImmutableSortedSet<T>> where T : notnull
{
    private AWSetWithProvenance(ImmutableSortedDictionary<T, ImmutableSortedSet<Witness>> provenance, CausalContext context)
    {
        Provenance = provenance;
        Context = context;
    }

    /// <summary>The empty set.</summary>
    public static AWSetWithProvenance<T> Empty { get; } = new(Order.EmptyDict<T, ImmutableSortedSet<Witness>>(), CausalContext.Empty);

    private static readonly ImmutableSortedSet<Witness> NoWitness = Order<Witness>.EmptySet;

    /// <summary>Each present element's witnesses.</summary>
    public ImmutableSortedDictionary<T, ImmutableSortedSet<Witness>> Provenance { get; }

    /// <summary>Every event seen.</summary>
    public CausalContext Context { get; }

    /// <summary>The elements present.</summary>
    public ImmutableSortedSet<T> Value => Order<T>.EmptySet.Union(Provenance.Keys);

    /// <summary>Adds <paramref name="element"/> with a new event of <paramref name="replica"/>.</summary>
    public AWSetWithProvenance<T> Add(ReplicaId replica, T element)
    {
        var dot = Context.Next(replica);
        return new(Provenance.SetItem(element, NoWitness.Add(Witness.Of(dot))), Context.Add(dot));
    }

    /// <summary>The delta of <see cref="Add"/>.</summary>
    public AWSetWithProvenance<T> AddDelta(ReplicaId replica, T element)
    {
        var dot = Context.Next(replica);
        return new(Empty.Provenance.Add(element, NoWitness.Add(Witness.Of(dot))), CausalContext.Of(EventsOf(element).Append(dot)));
    }

    /// <summary>Removes <paramref name="element"/>.</summary>
    public AWSetWithProvenance<T> Remove(T element) => new(Provenance.Remove(element), Context);

    /// <summary>The delta of <see cref="Remove"/>.</summary>
    public AWSetWithProvenance<T> RemoveDelta(T element) => new(Empty.Provenance, CausalContext.Of(EventsOf(element)));

    private IEnumerable<Dot> EventsOf(T element) =>
        Provenance.TryGetValue(element, out var ws) ? ws.SelectMany(w => w.Events) : [];

    /// <summary>The elements matching <paramref name="predicate"/>, with their provenance and the whole context (Lasp's <c>{filter, Pred}</c>).</summary>
    public AWSetWithProvenance<T> Filter(Func<T, bool> predicate) =>
        new(Empty.Provenance.AddRange(Provenance.Where(kv => predicate(kv.Key))), Context);

    /// <summary>The Cartesian product: each pair is witnessed by the union of one witness of each part, so removing either part removes the pair after a merge.</summary>
    public AWSetWithProvenance<(T, TOther)> Product<TOther>(AWSetWithProvenance<TOther> other) where TOther : notnull
    {
        var pairs = Order.EmptyDict<(T, TOther), ImmutableSortedSet<Witness>>();
        foreach (var (x, wx) in Provenance)
            foreach (var (y, wy) in other.Provenance)
                pairs = pairs.Add((x, y), Order<Witness>.EmptySet.Union(wx.SelectMany(a => wy.Select(a.Join))));
        return new AWSetWithProvenance<(T, TOther)>(pairs, Context.Merge(other.Context));
    }

    /// <inheritdoc/>
    public AWSetWithProvenance<T> Merge(AWSetWithProvenance<T> other)
    {
        var r = Empty.Provenance;
        foreach (var e in Provenance.Keys.Union(other.Provenance.Keys))
        {
            var mine = Provenance.GetValueOrDefault(e) ?? NoWitness;
            var theirs = other.Provenance.GetValueOrDefault(e) ?? NoWitness;
            var kept = mine.Where(w => theirs.Contains(w) || !SeenAll(other.Context, w))
                .Concat(theirs.Where(w => !mine.Contains(w) && !SeenAll(Context, w)));
            var set = NoWitness.Union(kept);
            if (!set.IsEmpty) r = r.Add(e, set);
        }
        return new(r, Context.Merge(other.Context));
    }

    private static bool SeenAll(CausalContext context, Witness w) => w.Events.All(context.Contains);

    /// <inheritdoc/>
    public bool Equals(AWSetWithProvenance<T>? other)
    {
        if (other is null || !Context.Equals(other.Context) || Provenance.Count != other.Provenance.Count) return false;
        foreach (var (e, ws) in Provenance)
            if (!other.Provenance.TryGetValue(e, out var vs) || !Structural.SetEquals(ws, vs)) return false;
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AWSetWithProvenance<T>);
    /// <inheritdoc/>
    public override int GetHashCode() => Provenance.Aggregate(Context.GetHashCode(), (h, kv) => HashCode.Combine(h, kv.Key, Structural.SetHash(kv.Value)));
    /// <summary>Text: <c>{[{Elem,[Witness..]}], Context}</c>.</summary>
    public override string ToString() => "{[" + string.Join(",", Provenance.Select(kv => "{" + Structural.Term(kv.Key) + "," + Structural.List(kv.Value) + "}")) + "]," + Context + "}";
}
