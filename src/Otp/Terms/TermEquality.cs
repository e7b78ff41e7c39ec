using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using Otp.Distribution.Terms;

namespace Otp;

/// <summary>
/// Compares any two values as Erlang terms: they are equal when they would encode to the same
/// term (Erlang's <c>=:=</c>). So <c>5</c> equals <c>5L</c> and <c>new BigInteger(5)</c>,
/// <c>true</c> equals the atom <c>true</c>, a <c>byte[]</c> equals a <see cref="Binary"/> with the
/// same bytes, a value tuple equals an <see cref="ErlangTuple"/>, a C# string equals the list of
/// its code points, and an <see cref="ErlangRecordAttribute"/> record equals its tagged tuple.
/// Integers never equal floats (<c>1 =:= 1.0</c> is false in Erlang).
/// </summary>
public sealed class TermEquality : IEqualityComparer<object?>
{
    /// <summary>The comparer; it holds no state.</summary>
    public static TermEquality Default { get; } = new();

    private TermEquality() { }

    /// <inheritdoc/>
    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y)) return true;
        x = Canonical(x);
        y = Canonical(y);
        switch (x, y)
        {
            case (ErlangTuple a, ErlangTuple b):
                if (a.Length != b.Length) return false;
                for (var i = 0; i < a.Length; i++)
                    if (!Equals(a[i], b[i])) return false;
                return true;
            case (ErlangList a, ErlangList b):
                if (a.Count != b.Count) return false;
                for (var i = 0; i < a.Count; i++)
                    if (!Equals(a[i], b[i])) return false;
                return a.Tail is null ? b.Tail is null : b.Tail is not null && Equals(a.Tail, b.Tail);
            default:
                return x!.Equals(y);
        }
    }

    /// <inheritdoc/>
    public int GetHashCode(object? obj)
    {
        switch (Canonical(obj))
        {
            case ErlangTuple t:
            {
                var h = new HashCode();
                h.Add(t.Length);
                foreach (var item in t) h.Add(GetHashCode(item));
                return h.ToHashCode();
            }
            case ErlangList l:
            {
                var h = new HashCode();
                h.Add(l.Count);
                foreach (var item in l) h.Add(GetHashCode(item));
                if (l.Tail is not null) h.Add(GetHashCode(l.Tail));
                return h.ToHashCode();
            }
            case ErlangMap m:
            {
                // Order-insensitive: maps with the same pairs in another order hash alike.
                var sum = m.Count;
                foreach (var (k, v) in m) sum += HashCode.Combine(GetHashCode(k), GetHashCode(v));
                return sum;
            }
            case var other:
                return other!.GetHashCode();
        }
    }

    /// <summary>The representative of the term <paramref name="value"/> stands for: integers as
    /// long (BigInteger beyond), and C# shapes as the Otp term types. Never null.</summary>
    internal static object Canonical(object? value) => value switch
    {
        null => TermConvert.Undefined,
        bool b => b ? TermConvert.True : TermConvert.False,
        int i => (long)i,
        long => value,
        BigInteger big => big >= long.MinValue && big <= long.MaxValue ? (object)(long)big : big,
        byte or sbyte or short or ushort or uint or char => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        ulong u => u <= long.MaxValue ? (object)(long)u : new BigInteger(u),
        float f => (double)f,
        byte[] bytes => Binary.Wrap(bytes, 8),
        string s => ErlangList.FromString(s),
        ErlangTuple or ErlangList or ErlangMap or Atom or Pid or Ref or Binary or Port or Fun or double => value,
        _ when RecordShape.For(value.GetType()) is { } shape => shape.ToTuple(value),
        ITuple t => ToTuple(t),
        IDictionary d => TermConvert.ToMap(d),
        IEnumerable e => ErlangList.Wrap(e.Cast<object?>().ToArray(), null),
        _ => value,
    };

    private static ErlangTuple ToTuple(ITuple t)
    {
        var items = new object?[t.Length];
        for (var i = 0; i < items.Length; i++) items[i] = t[i];
        return ErlangTuple.Wrap(items);
    }
}
