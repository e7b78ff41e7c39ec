using System.Collections.Immutable;
using Otp.Crdts;
using Otp.Crdts.Causality;

namespace Lab08.Crdts.Tests;

/// <summary>The state of each lab type as text, read through its public properties, so two states can be compared and shown in a snapshot.</summary>
internal static class Text
{
    public static string Of(PNCounter c) => $"inc {Dict(c.Increments)} dec {Dict(c.Decrements)}";

    public static string Of(AddWinsSet s) =>
        "{" + string.Join(", ", s.Entries.Select(kv => kv.Key + ": " + string.Join(" ", kv.Value))) + "} seen " + Of(s.Context);

    public static string Of(MultiValueRegister r) =>
        "{" + string.Join(", ", r.Writes.Select(kv => kv.Key + ": " + kv.Value)) + "} seen " + Of(r.Context);

    public static string Of(CausalContext c) => c.ToString();

    public static string List(IEnumerable<string> values) => "[" + string.Join(",", values) + "]";

    private static string Dict(ImmutableSortedDictionary<string, long> d) => "[" + string.Join(",", d.Select(kv => $"{kv.Key}:{kv.Value}")) + "]";

    public static readonly ReplicaId[] Replicas = ["a", "b", "c"];
    public static readonly string[] Elements = ["bar", "baz", "foo"];
}
