using System.Collections.Immutable;

namespace Otp.Crdts.Causality;

/// <summary>
/// The set of events a replica has seen, kept compressed: a <see cref="VersionVector"/> for the
/// contiguous prefix of each replica's events, plus a dot cloud for the events seen out of order.
/// Every operation folds cloud dots that have become contiguous into the vector, so a replica that
/// has received everything carries one number per replica.
/// </summary>
public sealed class CausalContext : IEquatable<CausalContext>
{
    private CausalContext(VersionVector vector, ImmutableSortedSet<Dot> cloud)
    {
        Vector = vector;
        Cloud = cloud;
    }

    /// <summary>The context that has seen nothing.</summary>
    public static CausalContext Empty { get; } = new(VersionVector.Empty, Order<Dot>.EmptySet);

    /// <summary>The compressed part: contiguous events per replica.</summary>
    public VersionVector Vector { get; }

    /// <summary>Events seen beyond a gap, not yet foldable into <see cref="Vector"/>.</summary>
    public ImmutableSortedSet<Dot> Cloud { get; }

    /// <summary>A context holding exactly <paramref name="dots"/> (compressed).</summary>
    public static CausalContext Of(IEnumerable<Dot> dots) => new CausalContext(VersionVector.Empty, Order<Dot>.EmptySet.Union(dots)).Compact();

    /// <summary>Whether <paramref name="dot"/> has been seen.</summary>
    public bool Contains(Dot dot) => Vector.Contains(dot) || Cloud.Contains(dot);

    /// <summary>The next event <paramref name="replica"/> will make: one past the highest it has seen.</summary>
    public Dot Next(ReplicaId replica)
    {
        var max = Vector[replica];
        foreach (var d in Cloud)
            if (d.Replica == replica && d.Counter > max) max = d.Counter;
        return new Dot(replica, max + 1);
    }

    /// <summary>This context with <paramref name="dot"/> added.</summary>
    public CausalContext Add(Dot dot) => Contains(dot) ? this : new CausalContext(Vector, Cloud.Add(dot)).Compact();

    /// <summary>The union of both contexts (the join), compressed.</summary>
    public CausalContext Merge(CausalContext other) =>
        new CausalContext(Vector.Merge(other.Vector), Cloud.Union(other.Cloud)).Compact();

    /// <summary>Every dot seen, expanded (for display and tests; a vector entry of n yields n dots).</summary>
    public IEnumerable<Dot> Dots()
    {
        foreach (var (r, n) in Vector.Entries)
            for (var i = 1L; i <= n; i++) yield return new Dot(r, i);
        foreach (var d in Cloud) yield return d;
    }

    private CausalContext Compact()
    {
        var vector = Vector;
        var cloud = Cloud;
        // The cloud is sorted by replica then counter, so one pass folds each run that continues the vector.
        foreach (var d in Cloud)
        {
            var seen = vector[d.Replica];
            if (d.Counter == seen + 1) { vector = vector.With(d.Replica, d.Counter); cloud = cloud.Remove(d); }
            else if (d.Counter <= seen) cloud = cloud.Remove(d);
        }
        return new CausalContext(vector, cloud);
    }

    /// <inheritdoc/>
    public bool Equals(CausalContext? other) => other is not null && Vector.Equals(other.Vector) && Structural.SetEquals(Cloud, other.Cloud);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CausalContext);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Vector, Structural.SetHash(Cloud));
    /// <summary>Lasp's text: <c>{CompressedVV, DotCloud}</c>, e.g. <c>{[{a,4}],[]}</c>.</summary>
    public override string ToString() => "{" + Vector + "," + Structural.List(Cloud) + "}";
}
