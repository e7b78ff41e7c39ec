namespace Otp.Crdts.Flags;

/// <summary>
/// A boolean that can only become true (Lasp <c>state_boolean</c>; riak_dt's <c>enable_flag</c>).
/// <list type="bullet">
/// <item>State: false or true.</item>
/// <item>Operations: <see cref="Enable"/>; its delta is <c>true</c>.</item>
/// <item>Merge: logical or.</item>
/// <item>Query: the boolean.</item>
/// </list>
/// Same as Lasp (which stores 0 or 1 and merges by max).
/// </summary>
public sealed class BooleanFlag : ICrdt<BooleanFlag, bool>
{
    private BooleanFlag(bool value) => Value = value;

    /// <summary>False.</summary>
    public static BooleanFlag Empty { get; } = new(false);

    private static readonly BooleanFlag True = new(true);

    /// <summary>The boolean.</summary>
    public bool Value { get; }

    /// <summary>True, for good.</summary>
    public BooleanFlag Enable() => True;

    /// <summary>The delta of <see cref="Enable"/>.</summary>
    public BooleanFlag EnableDelta() => True;

    /// <inheritdoc/>
    public BooleanFlag Merge(BooleanFlag other) => Value || other.Value ? True : Empty;

    /// <inheritdoc/>
    public bool Equals(BooleanFlag? other) => other is not null && other.Value == Value;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BooleanFlag);
    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();
    /// <summary><c>true</c> or <c>false</c>.</summary>
    public override string ToString() => Value ? "true" : "false";
}
