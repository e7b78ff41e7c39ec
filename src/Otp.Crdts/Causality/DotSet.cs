using System.Collections.Immutable;

namespace Otp.Crdts.Causality;

/// <summary>A set of dots: the store of enable-wins and disable-wins flags and of each add-wins set element.</summary>
public sealed class DotSet : DotStore
{
    private DotSet(ImmutableSortedSet<Dot> dots) => Set = dots;

    /// <summary>The empty dot set.</summary>
    public static DotSet Empty { get; } = new(Order<Dot>.EmptySet);

    /// <summary>A dot set holding <paramref name="dots"/>.</summary>
    public static DotSet Of(params IEnumerable<Dot> dots) => new(Order<Dot>.EmptySet.Union(dots));

    /// <summary>The dots.</summary>
    public ImmutableSortedSet<Dot> Set { get; }

    /// <inheritdoc/>
    public override bool IsEmpty => Set.IsEmpty;
    /// <inheritdoc/>
    public override IEnumerable<Dot> Dots => Set;
    /// <inheritdoc/>
    public override DotStore EmptyLike() => Empty;

    /// <inheritdoc/>
    public override DotStore Join(CausalContext mine, DotStore other, CausalContext theirs)
    {
        var o = Same<DotSet>(other);
        var kept = Set.Where(d => o.Set.Contains(d) || !theirs.Contains(d))
            .Concat(o.Set.Where(d => !Set.Contains(d) && !mine.Contains(d)));
        return Of(kept);
    }

    /// <inheritdoc/>
    public override bool Equals(DotStore? other) => other is DotSet o && Structural.SetEquals(Set, o.Set);
    /// <inheritdoc/>
    public override int GetHashCode() => Structural.SetHash(Set);
    /// <summary>Lasp's text: <c>[{a,1},{b,2}]</c>.</summary>
    public override string ToString() => Structural.List(Set);
}
