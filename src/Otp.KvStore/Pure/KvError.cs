namespace Otp.KvStore.Pure;

/// <summary>
/// Why a store operation did not succeed, as a value rather than an exception: Erlang's
/// <c>{error, {Type, Message, Details}}</c>. A missing key is an ordinary outcome, not a fault.
/// </summary>
/// <param name="Type">A short machine-readable kind, such as <see cref="NotFound"/>; compare on it.</param>
/// <param name="Message">One sentence for a person.</param>
/// <param name="Details">The values involved (for example the key), by name.</param>
public sealed record KvError(string Type, string Message, IReadOnlyDictionary<string, object?> Details)
{
    /// <summary>The type of the error for a key the store does not hold.</summary>
    public const string NotFound = "not_found";

    /// <summary>The type of the error for a key the store cannot hold (null).</summary>
    public const string InvalidKey = "invalid_key";

    /// <summary>Erlang-like text: <c>{not_found,"key not found",#{key => a}}</c>.</summary>
    public override string ToString() =>
        $"{{{Type},\"{Message}\",#{{{string.Join(",", Details.Select(d => $"{d.Key} => {d.Value ?? "undefined"}"))}}}}}";
}
