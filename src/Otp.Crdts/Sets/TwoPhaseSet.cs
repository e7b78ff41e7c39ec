using System.Collections.Immutable;

namespace Otp.Crdts.Sets;

/// <summary>
/// A two-phase set (Lasp <c>state_twopset</c>): an element can be added, then removed for good.
/// <list type="bullet">
/// <item>State: two grow-only sets, the added and the removed (tombstones, kept for ever).</item>
/// <item>Operations: <see cref="Add"/>, <see cref="Remove"/>. A remove needs no prior add (it is not
/// observed-remove): removing first blocks every later add. Deltas are the one element in one component.</item>
/// <item>Merge: componentwise union.</item>
/// <item>Query: added minus removed.</item>
/// </list>
/// Same as Lasp's <c>state_twopset</c>. The post's "two-phase set" example declares
/// <c>state_awset_ps</c> instead; the two differ once an element is removed and added again
/// (this type keeps it out, an add-wins set shows it again).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class TwoPhaseSet<T> : ICrdt<TwoPhaseSet<T>, ImmutableSortedSet<T>> where T : notnull
{
    private TwoPhaseSet(ImmutableSortedSet<T> added, ImmutableSortedSet<T> removed)
    {
        Added = added;
        Removed = removed;
    }

    /// <summary>The empty set.</summary>
    public static TwoPhaseSet<T> Empty { get; } = new(Order<T>.EmptySet, Order<T>.EmptySet);

    /// <summary>Every element ever added.</summary>
    public ImmutableSortedSet<T> Added { get; }

    /// <summary>Every element ever removed (the tombstones).</summary>
    public ImmutableSortedSet<T> Removed { get; }

    /// <summary>Added minus removed.</summary>
    public ImmutableSortedSet<T> Value => Added.Except(Removed);

    /// <summary>Adds <paramref name="element"/>; has no visible effect if it was ever removed.</summary>
    public TwoPhaseSet<T> Add(T element) => new(Added.Add(element), Removed);

    /// <summary>Removes <paramref name="element"/> for good.</summary>
    public TwoPhaseSet<T> Remove(T element) => new(Added, Removed.Add(element));

    /// <summary>The delta of <see cref="Add"/>.</summary>
    public TwoPhaseSet<T> AddDelta(T element) => new(Order<T>.EmptySet.Add(element), Order<T>.EmptySet);

    /// <summary>The delta of <see cref="Remove"/>.</summary>
    public TwoPhaseSet<T> RemoveDelta(T element) => new(Order<T>.EmptySet, Order<T>.EmptySet.Add(element));

    /// <inheritdoc/>
    public TwoPhaseSet<T> Merge(TwoPhaseSet<T> other) => new(Added.Union(other.Added), Removed.Union(other.Removed));

    /// <inheritdoc/>
    public bool Equals(TwoPhaseSet<T>? other) => other is not null && Structural.SetEquals(Added, other.Added) && Structural.SetEquals(Removed, other.Removed);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TwoPhaseSet<T>);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Structural.SetHash(Added), Structural.SetHash(Removed));
    /// <summary>Lasp's text: <c>{Added,Removed}</c>.</summary>
    public override string ToString() => "{" + Structural.List(Added) + "," + Structural.List(Removed) + "}";
}
