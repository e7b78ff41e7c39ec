using System.Collections.Immutable;

namespace Otp.Crdts.Registers;

/// <summary>
/// A single-assignment register (Lasp <c>state_ivar</c>): set once, then read-only.
/// <list type="bullet">
/// <item>State: the set of values assigned (empty, one, or more after a conflict).</item>
/// <item>Operations: <see cref="Set"/>; assigning the value already held changes nothing; assigning a
/// different one records a conflict. The delta is the assigned value alone.</item>
/// <item>Merge: union.</item>
/// <item>Query: <see cref="Assignment{T}.Unassigned"/>, <see cref="Assignment{T}.Assigned"/> or <see cref="Assignment{T}.Conflict"/>.</item>
/// </list>
/// Differs from Lasp: types 0.1.8 crashes (<c>function_clause</c>) on a second <c>set</c> and when
/// merging two different values, so the replica that receives the conflicting state dies and the
/// conflict is never seen by anyone. A union of values is a lattice, so here the conflict becomes
/// a state every replica converges to and can report.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class IVar<T> : ICrdt<IVar<T>, Assignment<T>> where T : notnull
{
    private IVar(ImmutableSortedSet<T> values) => Values = values;

    /// <summary>Unassigned.</summary>
    public static IVar<T> Empty { get; } = new(Order<T>.EmptySet);

    /// <summary>Every value assigned so far.</summary>
    public ImmutableSortedSet<T> Values { get; }

    /// <summary>Whether different values were assigned.</summary>
    public bool IsConflict => Values.Count > 1;

    /// <inheritdoc/>
    public Assignment<T> Value => Values.Count switch
    {
        0 => new Assignment<T>.Unassigned(),
        1 => new Assignment<T>.Assigned(Values[0]),
        _ => new Assignment<T>.Conflict(Values),
    };

    /// <summary>Assigns <paramref name="value"/>. If a different value is already held, the result is a conflict (see <see cref="IsConflict"/>), never an exception.</summary>
    public IVar<T> Set(T value) => new(Values.Add(value));

    /// <summary>The delta of <see cref="Set"/>.</summary>
    public IVar<T> SetDelta(T value) => new(Empty.Values.Add(value));

    /// <inheritdoc/>
    public IVar<T> Merge(IVar<T> other) => new(Values.Union(other.Values));

    /// <inheritdoc/>
    public bool Equals(IVar<T>? other) => other is not null && Structural.SetEquals(Values, other.Values);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as IVar<T>);
    /// <inheritdoc/>
    public override int GetHashCode() => Structural.SetHash(Values);
    /// <summary>The query's text: <c>undefined</c>, the value, or <c>{conflict,[..]}</c>.</summary>
    public override string ToString() => Value.ToString()!;
}
