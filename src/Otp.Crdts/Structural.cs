using System.Collections.Immutable;

namespace Otp.Crdts;

/// <summary>Equality, hashing and printing of the immutable collections the types keep their state in.</summary>
internal static class Structural
{
    public static bool DictEquals<TKey, TValue>(ImmutableSortedDictionary<TKey, TValue> a, ImmutableSortedDictionary<TKey, TValue> b)
        where TKey : notnull
    {
        if (a.Count != b.Count) return false;
        var cmp = EqualityComparer<TValue>.Default;
        foreach (var (k, v) in a)
            if (!b.TryGetValue(k, out var w) || !cmp.Equals(v, w)) return false;
        return true;
    }

    public static int DictHash<TKey, TValue>(ImmutableSortedDictionary<TKey, TValue> a) where TKey : notnull
    {
        var h = new HashCode();
        foreach (var (k, v) in a) { h.Add(k); h.Add(v); }
        return h.ToHashCode();
    }

    public static bool SetEquals<T>(ImmutableSortedSet<T> a, ImmutableSortedSet<T> b) => a.Count == b.Count && a.SetEquals(b);

    public static int SetHash<T>(ImmutableSortedSet<T> a)
    {
        var h = new HashCode();
        foreach (var x in a) h.Add(x);
        return h.ToHashCode();
    }

    /// <summary>Erlang-like list text: <c>[a,b,c]</c>.</summary>
    public static string List<T>(IEnumerable<T> items) => "[" + string.Join(",", items.Select(x => Term(x))) + "]";

    /// <summary>Erlang-like orddict text: <c>[{a,1},{b,2}]</c>.</summary>
    public static string Dict<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>> items) =>
        "[" + string.Join(",", items.Select(kv => "{" + Term(kv.Key) + "," + Term(kv.Value) + "}")) + "]";

    public static string Term(object? x) => x switch
    {
        null => "undefined",
        bool b => b ? "true" : "false",
        string s => s,
        _ => x.ToString() ?? "",
    };
}
