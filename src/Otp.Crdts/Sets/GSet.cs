using System.Collections.Immutable;

namespace Otp.Crdts.Sets;

/// <summary>
/// A grow-only set (Lasp <c>state_gset</c>).
/// <list type="bullet">
/// <item>State: the elements.</item>
/// <item>Operations: <see cref="Add"/>; its delta is the new element, or empty if it was already there.</item>
/// <item>Merge: union.</item>
/// <item>Query: the elements, sorted.</item>
/// </list>
/// Same as Lasp.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class GSet<T> : ICrdt<GSet<T>, ImmutableSortedSet<T>> where T : notnull
{
    private GSet(ImmutableSortedSet<T> elements) => Value = elements;

    /// <summary>The empty set.</summary>
    public static GSet<T> Empty { get; } = new(Order<T>.EmptySet);

    /// <summary>The elements, sorted.</summary>
    public ImmutableSortedSet<T> Value { get; }

    /// <summary>Adds <paramref name="element"/>. Any replica may add; no replica id is needed.</summary>
    public GSet<T> Add(T element) => new(Value.Add(element));

    /// <summary>The delta of <see cref="Add"/>.</summary>
    public GSet<T> AddDelta(T element) => Value.Contains(element) ? Empty : new(Empty.Value.Add(element));

    /// <inheritdoc/>
    public GSet<T> Merge(GSet<T> other) => new(Value.Union(other.Value));

    /// <inheritdoc/>
    public bool Equals(GSet<T>? other) => other is not null && Structural.SetEquals(Value, other.Value);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as GSet<T>);
    /// <inheritdoc/>
    public override int GetHashCode() => Structural.SetHash(Value);
    /// <summary>Lasp's text: <c>[bar,foo]</c>.</summary>
    public override string ToString() => Structural.List(Value);
}
