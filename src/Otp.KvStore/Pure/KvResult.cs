namespace Otp.KvStore.Pure;

/// <summary>
/// The outcome of a store operation: <see cref="Ok"/> with a value (a new state, or what was read)
/// or <see cref="Error"/> with a <see cref="KvError"/>. Erlang's <c>{ok, Value} | {error, Reason}</c>;
/// match it with a switch.
/// </summary>
/// <typeparam name="T">What a success carries.</typeparam>
public abstract record KvResult<T>
{
    private KvResult() { }

    /// <summary>Success: <c>{ok, Value}</c>.</summary>
    public sealed record Ok(T Value) : KvResult<T>
    {
        /// <inheritdoc/>
        public override string ToString() => $"{{ok,{Value}}}";
    }

    /// <summary>Failure: <c>{error, Reason}</c>.</summary>
    public sealed record Error(KvError Reason) : KvResult<T>
    {
        /// <inheritdoc/>
        public override string ToString() => $"{{error,{Reason}}}";
    }

    /// <summary>True for <see cref="Ok"/>.</summary>
    public bool IsOk => this is Ok;
}
