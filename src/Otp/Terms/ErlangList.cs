using System.Collections;

namespace Otp;

/// <summary>
/// An Erlang list, <c>[a, b, c]</c>, possibly improper (<c>[a, b | c]</c>): its elements, then a
/// tail that is <c>[]</c> for a proper list (<see cref="Tail"/> is null) or any other term.
/// Immutable, compared as Erlang compares terms.
/// </summary>
/// <remarks>
/// <para>Decoding gives this type for every non-empty list, including Erlang strings (a string is a
/// list of code points, and <c>[104,105]</c> is the same term as <c>"hi"</c>): use
/// <see cref="TryGetString"/> to read one as text. The empty list decodes as <see cref="Nil"/>.</para>
/// <para>The gen_call tag of OTP 24 and later is an improper list, <c>[alias | Ref]</c>; it must be
/// echoed back unchanged, which this type does.</para>
/// </remarks>
public sealed class ErlangList : IReadOnlyList<object?>, IEquatable<ErlangList>
{
    private readonly object?[] _items;

    /// <summary>A proper list of these elements (copied).</summary>
    public ErlangList(params ReadOnlySpan<object?> items) => _items = items.ToArray();

    private ErlangList(object?[] items, object? tail)
    {
        _items = items;
        Tail = tail;
    }

    /// <summary>The empty list, <c>[]</c>.</summary>
    public static ErlangList Nil { get; } = new(Array.Empty<object?>(), null);

    /// <summary>An improper list: <paramref name="items"/> followed by <paramref name="tail"/>
    /// (<c>[a, b | tail]</c>). A tail that is itself a list is spliced in, so the result is
    /// the same term Erlang would build; a null tail makes a proper list.</summary>
    /// <exception cref="ArgumentException">No elements before the tail: <c>[| T]</c> is not a term.</exception>
    public static ErlangList Improper(IEnumerable<object?> items, object? tail)
    {
        var head = items.ToList();
        if (head.Count == 0) throw new ArgumentException("an improper list needs at least one element before its tail", nameof(items));
        // A tail that is a list in any C# shape (a string, an array...) is spliced in too.
        switch (tail is null ? null : TermEquality.Canonical(tail))
        {
            case ErlangList l:
                head.AddRange(l._items);
                return new ErlangList([.. head], l.Tail);
            default:
                return new ErlangList([.. head], tail);
        }
    }

    /// <summary>An Erlang string: the list of the code points of <paramref name="text"/>.</summary>
    public static ErlangList FromString(string text)
    {
        var points = new List<object?>(text.Length);
        foreach (var rune in text.EnumerateRunes()) points.Add(rune.Value);
        return points.Count == 0 ? Nil : new ErlangList([.. points], null);
    }

    internal static ErlangList Wrap(object?[] items, object? tail) => items.Length == 0 ? Nil : new ErlangList(items, tail);

    /// <summary>The number of elements before the tail (Erlang's <c>length/1</c> for a proper list).</summary>
    public int Count => _items.Length;

    /// <summary>The element at <paramref name="index"/>, from 0.</summary>
    public object? this[int index] => _items[index];

    /// <summary>Null for a proper list; otherwise the term after the <c>|</c>, never a list.</summary>
    public object? Tail { get; }

    /// <summary>True when the list ends in <c>[]</c>.</summary>
    public bool IsProper => Tail is null;

    /// <summary>Reads a proper list of Unicode code points as text, as Erlang's
    /// <c>io_lib:printable_unicode_list/1</c> would accept it (any valid code point here).</summary>
    public bool TryGetString(out string text)
    {
        text = "";
        if (!IsProper) return false;
        var sb = new System.Text.StringBuilder(_items.Length);
        foreach (var item in _items)
        {
            if (item is not int cp || !System.Text.Rune.IsValid(cp)) return false;
            sb.Append(new System.Text.Rune(cp).ToString());
        }
        text = sb.ToString();
        return true;
    }

    /// <inheritdoc/>
    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>True when both lists have equal elements and equal tails.</summary>
    public bool Equals(ErlangList? other) => other is not null && TermEquality.Default.Equals(this, other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ErlangList l && Equals(l);

    /// <inheritdoc/>
    public override int GetHashCode() => TermEquality.Default.GetHashCode(this);

    /// <summary>Erlang's notation: <c>[1,2,3]</c>, <c>[a|b]</c>.</summary>
    public override string ToString() => Terms.Term.Format(this);
}
