using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Otp;

/// <summary>
/// An Erlang map, <c>#{key => value}</c>: keys are any terms, compared as Erlang compares them
/// (<see cref="TermEquality"/>), so tuple keys and binary keys work. Immutable; two maps are equal
/// when they hold the same pairs, whatever their order. Enumeration keeps the order the pairs were
/// given or decoded in.
/// </summary>
public sealed class ErlangMap : IReadOnlyDictionary<object, object?>, IEquatable<ErlangMap>
{
    private readonly Dictionary<object, object?> _pairs;
    private readonly KeyValuePair<object, object?>[] _order;

    /// <summary>A map of these pairs; a later pair replaces an earlier one with an equal key, as
    /// in Erlang's <c>maps:from_list/1</c>. A null key stands for the atom <c>undefined</c>.</summary>
    public ErlangMap(IEnumerable<KeyValuePair<object?, object?>> pairs)
    {
        _pairs = new Dictionary<object, object?>(TermEquality.Default);
        var order = new List<object>();
        foreach (var (k, v) in pairs)
        {
            var key = k ?? new Atom("undefined");
            if (!_pairs.ContainsKey(key)) order.Add(key);
            _pairs[key] = v;
        }
        _order = order.Select(k => new KeyValuePair<object, object?>(k, _pairs[k])).ToArray();
    }

    /// <summary>The empty map, <c>#{}</c>.</summary>
    public static ErlangMap Empty { get; } = new([]);

    /// <summary>The number of pairs (Erlang's <c>map_size/1</c>).</summary>
    public int Count => _order.Length;

    /// <summary>The value under <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such key (Erlang's <c>{badkey, Key}</c>).</exception>
    public object? this[object key] => _pairs[key];

    /// <inheritdoc/>
    public IEnumerable<object> Keys => _order.Select(p => p.Key);

    /// <inheritdoc/>
    public IEnumerable<object?> Values => _order.Select(p => p.Value);

    /// <inheritdoc/>
    public bool ContainsKey(object key) => _pairs.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(object key, [MaybeNullWhen(false)] out object? value) => _pairs.TryGetValue(key, out value);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<object, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<object, object?>>)_order).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>True when both maps hold equal keys with equal values.</summary>
    public bool Equals(ErlangMap? other)
    {
        if (other is null || other.Count != Count) return false;
        foreach (var (k, v) in _order)
            if (!other._pairs.TryGetValue(k, out var w) || !TermEquality.Default.Equals(v, w)) return false;
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ErlangMap m && Equals(m);

    /// <inheritdoc/>
    public override int GetHashCode() => TermEquality.Default.GetHashCode(this);

    /// <summary>Erlang's notation: <c>#{a =&gt; 1}</c>.</summary>
    public override string ToString() => Terms.Term.Format(this);
}
