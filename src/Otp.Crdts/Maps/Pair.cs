namespace Otp.Crdts.Maps;

/// <summary>
/// A pair of CRDTs (Lasp <c>state_pair</c>): the product lattice.
/// <list type="bullet">
/// <item>State: two CRDTs.</item>
/// <item>Operations: <see cref="ApplyFirst"/>, <see cref="ApplySecond"/>; a delta has the other component empty.</item>
/// <item>Merge: component by component.</item>
/// <item>Query: both components.</item>
/// </list>
/// Same as Lasp, with the component types fixed by the C# types (Lasp's default is ivar × ivar).
/// </summary>
/// <typeparam name="TFirst">The first CRDT.</typeparam>
/// <typeparam name="TSecond">The second CRDT.</typeparam>
public sealed class Pair<TFirst, TSecond> : ICrdt<Pair<TFirst, TSecond>, (TFirst First, TSecond Second)>
    where TFirst : ICrdt<TFirst> where TSecond : ICrdt<TSecond>
{
    private Pair(TFirst first, TSecond second)
    {
        First = first;
        Second = second;
    }

    /// <summary>Both components empty.</summary>
    public static Pair<TFirst, TSecond> Empty { get; } = new(TFirst.Empty, TSecond.Empty);

    /// <summary>The first component.</summary>
    public TFirst First { get; }

    /// <summary>The second component.</summary>
    public TSecond Second { get; }

    /// <summary>Both components (ask each one's <c>Value</c>).</summary>
    public (TFirst First, TSecond Second) Value => (First, Second);

    /// <summary>Applies <paramref name="operation"/> to the first component (Lasp's <c>{fst, Op}</c>).</summary>
    public Pair<TFirst, TSecond> ApplyFirst(Func<TFirst, TFirst> operation) => new(operation(First), Second);

    /// <summary>Applies <paramref name="operation"/> to the second component (Lasp's <c>{snd, Op}</c>).</summary>
    public Pair<TFirst, TSecond> ApplySecond(Func<TSecond, TSecond> operation) => new(First, operation(Second));

    /// <summary>The delta of <see cref="ApplyFirst"/>, from a delta mutator of the first type.</summary>
    public Pair<TFirst, TSecond> ApplyFirstDelta(Func<TFirst, TFirst> deltaOperation) => new(deltaOperation(First), TSecond.Empty);

    /// <summary>The delta of <see cref="ApplySecond"/>, from a delta mutator of the second type.</summary>
    public Pair<TFirst, TSecond> ApplySecondDelta(Func<TSecond, TSecond> deltaOperation) => new(TFirst.Empty, deltaOperation(Second));

    /// <inheritdoc/>
    public Pair<TFirst, TSecond> Merge(Pair<TFirst, TSecond> other) => new(First.Merge(other.First), Second.Merge(other.Second));

    /// <inheritdoc/>
    public bool Equals(Pair<TFirst, TSecond>? other) => other is not null && First.Equals(other.First) && Second.Equals(other.Second);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Pair<TFirst, TSecond>);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(First, Second);
    /// <summary>Lasp's text: <c>{First,Second}</c>.</summary>
    public override string ToString() => "{" + First + "," + Second + "}";
}
