namespace Lab07.ReplicatedKv;

/// <summary>Given: what an operation of the store returns, akvs's <c>{ok, Value}</c> or
/// <c>{error, Reason}</c>. Match on it: <c>result is KvResult&lt;string&gt;.Ok(var value)</c>.</summary>
/// <typeparam name="T">The value of a success: a new store, or a value read.</typeparam>
public abstract record KvResult<T>
{
    private KvResult() { }

    /// <summary>A success, with its value.</summary>
    public sealed record Ok(T Value) : KvResult<T>
    {
        /// <summary><c>{ok,...}</c>; the value is shown as its own <c>ToString()</c>.</summary>
        public override string ToString() => $"{{ok,{Value}}}";
    }

    /// <summary>A failure, with the error value.</summary>
    public sealed record Error(KvError Reason) : KvResult<T>
    {
        /// <summary>The error in Erlang notation (see <see cref="KvError.ToString"/>).</summary>
        public override string ToString() => Reason.ToString();
    }
}
