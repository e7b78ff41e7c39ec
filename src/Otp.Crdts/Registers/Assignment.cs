namespace Otp.Crdts.Registers;

/// <summary>What a single-assignment register (<see cref="IVar{T}"/>) holds: nothing yet, one value, or a reported conflict.</summary>
/// <typeparam name="T">The value type.</typeparam>
public abstract record Assignment<T>
{
    private Assignment() { }

    /// <summary>No replica has assigned a value yet.</summary>
    public sealed record Unassigned : Assignment<T>
    {
        /// <summary>Lasp's text: <c>undefined</c>.</summary>
        public override string ToString() => "undefined";
    }

    /// <summary>Every replica that assigned chose <paramref name="Value"/>.</summary>
    /// <param name="Value">The value.</param>
    public sealed record Assigned(T Value) : Assignment<T>
    {
        /// <summary>The value.</summary>
        public override string ToString() => Structural.Term(Value);
    }

    /// <summary>Replicas assigned different values: the conflict is kept and reported, for the application to resolve.</summary>
    /// <param name="Values">The different values assigned, sorted.</param>
    public sealed record Conflict(IReadOnlyList<T> Values) : Assignment<T>
    {
        /// <summary>Text: <c>{conflict,[7,42]}</c>.</summary>
        public override string ToString() => "{conflict," + Structural.List(Values) + "}";
    }
}
