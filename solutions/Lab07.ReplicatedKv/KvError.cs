using System.Text;

namespace Lab07.ReplicatedKv;

/// <summary>Given: the error value of the store, akvs's <c>{error, {Type, Message, Details}}</c>.
/// An ordinary value the caller matches on, never an exception.</summary>
/// <param name="Type">What went wrong, as an atom would say it: <c>not_found</c>, <c>invalid_key</c>, <c>invalid_value</c>.</param>
/// <param name="Message">One short sentence for a person.</param>
/// <param name="Details">What the operation was given, by name (for example <c>key</c>).</param>
public sealed record KvError(string Type, string Message, IReadOnlyDictionary<string, string> Details)
{
    /// <summary>The error in Erlang notation, details sorted by name:
    /// <c>{error,{not_found,"key not found",#{key => "a"}}}</c>.</summary>
    public override string ToString()
    {
        var details = new StringBuilder();
        foreach (var (name, value) in Details.OrderBy(d => d.Key, StringComparer.Ordinal))
            details.Append(details.Length == 0 ? "" : ",").Append(name).Append(" => \"").Append(value).Append('"');
        return $"{{error,{{{Type},\"{Message}\",#{{{details}}}}}}}";
    }
}
