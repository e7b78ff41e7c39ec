namespace Otp.Crdts.Counters;

/// <summary>
/// The largest integer seen (Lasp <c>state_max_int</c>). Not a counter: two concurrent increments
/// from 1 both give 2, and their merge is 2, not 3.
/// <list type="bullet">
/// <item>State: one non-negative integer.</item>
/// <item>Operations: <see cref="Increment"/>; its delta is the new value.</item>
/// <item>Merge: maximum.</item>
/// <item>Query: the integer.</item>
/// </list>
/// Same as Lasp.
/// </summary>
public sealed class MaxInt : ICrdt<MaxInt, long>
{
    private MaxInt(long value) => Value = value;

    /// <summary>Zero.</summary>
    public static MaxInt Empty { get; } = new(0);

    /// <summary>The integer.</summary>
    public long Value { get; }

    /// <summary>The value plus one. The replica id is not needed: the state has no per-replica part.</summary>
    public MaxInt Increment() => new(Value + 1);

    /// <summary>The delta of <see cref="Increment"/>: the new value itself (the whole state is one number).</summary>
    public MaxInt IncrementDelta() => new(Value + 1);

    /// <inheritdoc/>
    public MaxInt Merge(MaxInt other) => other.Value > Value ? other : this;

    /// <inheritdoc/>
    public bool Equals(MaxInt? other) => other is not null && other.Value == Value;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as MaxInt);
    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();
    /// <summary>The number.</summary>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
