using System.Collections.Immutable;
using Otp.Crdts.Causality;

namespace Otp.Crdts.Sets;

/// <summary>
/// One reason an element is in an <see cref="AWSetWithProvenance{T}"/>: the set of add events it
/// depends on. An add gives a witness of one event; a product of two sets gives each pair the union
/// of its parts' events, so removing either part removes the pair.
/// </summary>
public sealed class Witness : IEquatable<Witness>, IComparable<Witness>
{
    private Witness(ImmutableSortedSet<Dot> events) => Events = events;

    /// <summary>A witness of the given events.</summary>
    public static Witness Of(params IEnumerable<Dot> events) => new(Order<Dot>.EmptySet.Union(events));

    /// <summary>The events.</summary>
    public ImmutableSortedSet<Dot> Events { get; }

    /// <summary>The witness of a pair: both parts' events.</summary>
    public Witness Join(Witness other) => new(Events.Union(other.Events));

    /// <summary>Lexicographic on the sorted events, then by count.</summary>
    public int CompareTo(Witness? other)
    {
        if (other is null) return 1;
        foreach (var (a, b) in Events.Zip(other.Events))
        {
            var c = a.CompareTo(b);
            if (c != 0) return c;
        }
        return Events.Count.CompareTo(other.Events.Count);
    }

    /// <inheritdoc/>
    public bool Equals(Witness? other) => other is not null && Structural.SetEquals(Events, other.Events);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Witness);
    /// <inheritdoc/>
    public override int GetHashCode() => Structural.SetHash(Events);
    /// <summary>Text: <c>[{a,1},{b,1}]</c>.</summary>
    public override string ToString() => Structural.List(Events);
}
