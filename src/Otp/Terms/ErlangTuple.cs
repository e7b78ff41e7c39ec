using System.Collections;
using System.Runtime.CompilerServices;

namespace Otp;

/// <summary>
/// An Erlang tuple, <c>{ping, Pid}</c>: a fixed number of terms. Immutable, compared element by
/// element as Erlang compares terms (<see cref="TermEquality"/>), and usable in C# positional
/// patterns because it implements <see cref="ITuple"/>:
/// <c>msg is (Atom { Name: "ping" }, Pid from)</c>.
/// </summary>
/// <remarks>Named <c>ErlangTuple</c>, not <c>Tuple</c>, so that it never clashes with
/// <see cref="System.Tuple"/> in a file that imports both namespaces. C# value tuples and any
/// other <see cref="ITuple"/> also encode as Erlang tuples; decoding always gives this type.</remarks>
public sealed class ErlangTuple : ITuple, IReadOnlyList<object?>, IEquatable<ErlangTuple>
{
    private readonly object?[] _items;

    /// <summary>A tuple of these elements (copied).</summary>
    public ErlangTuple(params ReadOnlySpan<object?> items) => _items = items.ToArray();

    private ErlangTuple(object?[] items, bool _) => _items = items;

    /// <summary>Wraps an array the caller promises never to change again (the decoder's).</summary>
    internal static ErlangTuple Wrap(object?[] items) => new(items, false);

    /// <summary>The empty tuple, <c>{}</c>.</summary>
    public static ErlangTuple Empty { get; } = new(Array.Empty<object?>(), false);

    /// <summary>The number of elements (Erlang's <c>tuple_size/1</c>).</summary>
    public int Length => _items.Length;

    int IReadOnlyCollection<object?>.Count => _items.Length;

    /// <summary>The element at <paramref name="index"/>, from 0 (Erlang's <c>element/2</c> counts from 1).</summary>
    public object? this[int index] => _items[index];

    /// <summary>Lets C# deconstruct a pair: <c>var (tag, value) = tuple;</c>.</summary>
    /// <exception cref="InvalidOperationException">The tuple does not have two elements.</exception>
    public void Deconstruct(out object? first, out object? second)
    {
        if (_items.Length != 2) throw new InvalidOperationException($"deconstructing a tuple of {_items.Length} elements into 2");
        (first, second) = (_items[0], _items[1]);
    }

    /// <inheritdoc/>
    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>True when both tuples have equal elements in the same order (Erlang's <c>=:=</c>).</summary>
    public bool Equals(ErlangTuple? other)
    {
        if (other is null || other._items.Length != _items.Length) return false;
        for (var i = 0; i < _items.Length; i++)
            if (!TermEquality.Default.Equals(_items[i], other._items[i])) return false;
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ErlangTuple t && Equals(t);

    /// <inheritdoc/>
    public override int GetHashCode() => TermEquality.Default.GetHashCode(this);

    /// <summary>Erlang's notation: <c>{ping,&lt;0.42.0&gt;}</c>.</summary>
    public override string ToString() => Terms.Term.Format(this);
}
