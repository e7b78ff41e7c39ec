using System.Collections;
using System.Runtime.CompilerServices;

namespace Otp.Tables;

/// <summary>
/// Erlang's term order and its two equalities, for the .NET values tables hold as keys and in
/// objects. The order of classes is Erlang's: number &lt; atom &lt; reference &lt; pid &lt; tuple
/// &lt; list &lt; binary.
/// </summary>
/// <remarks>
/// <para>How .NET values map to Erlang terms: <c>int</c>, <c>long</c> and the other integer types
/// are integers; <c>double</c> and <c>float</c> are floats; <see cref="Atom"/> is an atom, and so
/// are <c>bool</c> (<c>true</c>/<c>false</c>) and <c>null</c> (<c>undefined</c>); <see cref="Ref"/>
/// and <see cref="Pid"/> are themselves; any <see cref="ITuple"/> (a value tuple, a
/// <see cref="Tuple"/>) is a tuple; a <c>string</c> is a binary (compared code unit by code unit,
/// which is UTF-8 byte order outside the surrogate range); any other <see cref="IList"/> is a
/// list. Anything else sorts after binaries, by type name, then by its own
/// <see cref="IComparable"/> if it has one.</para>
/// <para>Two equalities, as in Erlang: <see cref="Compare"/> returning 0 is Erlang's <c>==</c>
/// (1 and 1.0 are equal: one key in an <c>ordered_set</c>); <see cref="ExactlyEqual"/> is <c>=:=</c>
/// (1 and 1.0 differ: two keys in a <c>set</c>), which the hash-based tables use.</para>
/// </remarks>
public static class TermOrder
{
    /// <summary>Compares two terms in Erlang's term order; 0 means Erlang's <c>==</c>.</summary>
    public static int Compare(object? a, object? b)
    {
        if (a is int ia && b is int ib) return ia.CompareTo(ib);
        var ca = ClassOf(a);
        var cb = ClassOf(b);
        if (ca != cb) return ca.CompareTo(cb);
        switch (ca)
        {
            case TermClass.Number:
                if (IsInteger(a!) && IsInteger(b!)) return CompareIntegers(a!, b!);
                return ToDouble(a!).CompareTo(ToDouble(b!));
            case TermClass.Atom:
                return string.CompareOrdinal(AtomName(a), AtomName(b));
            case TermClass.Reference:
                return ((Ref)a!).Number.CompareTo(((Ref)b!).Number);
            case TermClass.Pid:
                return ((Pid)a!).CompareTo((Pid)b!);
            case TermClass.Tuple:
            {
                var ta = (ITuple)a!;
                var tb = (ITuple)b!;
                if (ta.Length != tb.Length) return ta.Length.CompareTo(tb.Length);
                for (var i = 0; i < ta.Length; i++)
                {
                    var c = Compare(ta[i], tb[i]);
                    if (c != 0) return c;
                }
                return 0;
            }
            case TermClass.List:
            {
                var la = (IList)a!;
                var lb = (IList)b!;
                var n = Math.Min(la.Count, lb.Count);
                for (var i = 0; i < n; i++)
                {
                    var c = Compare(la[i], lb[i]);
                    if (c != 0) return c;
                }
                return la.Count.CompareTo(lb.Count);
            }
            case TermClass.Binary:
                return string.CompareOrdinal((string)a!, (string)b!);
            default:
            {
                var byType = string.CompareOrdinal(a!.GetType().FullName, b!.GetType().FullName);
                if (byType != 0) return byType;
                if (a is IComparable cmp) return cmp.CompareTo(b);
                return a.Equals(b) ? 0 : a.GetHashCode().CompareTo(b.GetHashCode());
            }
        }
    }

    /// <summary>Erlang's <c>=:=</c>: equal terms of the same kind (1 and 1.0 differ).</summary>
    public static bool ExactlyEqual(object? a, object? b)
    {
        if (a is int ia && b is int ib) return ia == ib;
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null) return false;
        var ca = ClassOf(a);
        if (ca != ClassOf(b)) return false;
        switch (ca)
        {
            case TermClass.Number:
                var ai = IsInteger(a);
                if (ai != IsInteger(b)) return false;
                return ai ? CompareIntegers(a, b) == 0 : ToDouble(a).Equals(ToDouble(b));
            case TermClass.Atom:
                return AtomName(a) == AtomName(b);
            case TermClass.Tuple:
            {
                var ta = (ITuple)a;
                var tb = (ITuple)b;
                if (ta.Length != tb.Length) return false;
                for (var i = 0; i < ta.Length; i++)
                    if (!ExactlyEqual(ta[i], tb[i])) return false;
                return true;
            }
            case TermClass.List:
            {
                var la = (IList)a;
                var lb = (IList)b;
                if (la.Count != lb.Count) return false;
                for (var i = 0; i < la.Count; i++)
                    if (!ExactlyEqual(la[i], lb[i])) return false;
                return true;
            }
            default:
                return a.Equals(b);
        }
    }

    /// <summary>A hash code consistent with <see cref="ExactlyEqual"/>.</summary>
    public static int Hash(object? value)
    {
        switch (value)
        {
            case null: return 0;
            case int i: return ((long)i).GetHashCode();
            case Atom atom: return atom.Name.GetHashCode(StringComparison.Ordinal);
            case bool b: return (b ? "true" : "false").GetHashCode(StringComparison.Ordinal);
            case string s: return s.GetHashCode(StringComparison.Ordinal);
            case ITuple t:
            {
                var h = new HashCode();
                h.Add(t.Length);
                for (var k = 0; k < t.Length; k++) h.Add(Hash(t[k]));
                return h.ToHashCode();
            }
            case IList l:
            {
                var h = new HashCode();
                foreach (var item in l) h.Add(Hash(item));
                return h.ToHashCode();
            }
            default:
                if (IsInteger(value))
                {
                    // The same hash for 1, 1L and (byte)1: one Erlang integer.
                    var n = IntegerKey(value);
                    return n >= long.MinValue && n <= long.MaxValue ? ((long)n).GetHashCode() : n.GetHashCode();
                }
                if (value is double or float) return ToDouble(value).GetHashCode();
                return value.GetHashCode();
        }
    }

    /// <summary>Erlang's <c>=:=</c> and <see cref="Hash"/> as an equality comparer, for the
    /// hash-based tables.</summary>
    public static IEqualityComparer<object> ExactComparer { get; } = new ExactEquality();

    /// <summary><see cref="Compare"/> as a comparer, for the ordered tables.</summary>
    public static IComparer<object> Comparer { get; } = Comparer<object>.Create(Compare);

    private enum TermClass { Number, Atom, Reference, Pid, Tuple, List, Binary, Other }

    private static TermClass ClassOf(object? v) => v switch
    {
        null or Atom or bool => TermClass.Atom,
        string => TermClass.Binary,
        Ref => TermClass.Reference,
        Pid => TermClass.Pid,
        ITuple => TermClass.Tuple,
        double or float => TermClass.Number,
        IList => TermClass.List,
        _ when IsInteger(v) => TermClass.Number,
        _ => TermClass.Other,
    };

    private static string AtomName(object? v) => v switch
    {
        null => "undefined",
        bool b => b ? "true" : "false",
        Atom a => a.Name,
        _ => throw new InvalidOperationException("not an atom"),
    };

    internal static bool IsInteger(object v) => v is int or long or short or sbyte or byte or ushort or uint or ulong;

    private static Int128 IntegerKey(object v) => v switch
    {
        int i => i,
        long l => l,
        short s => s,
        sbyte sb => sb,
        byte b => b,
        ushort us => us,
        uint ui => ui,
        ulong ul => ul,
        _ => throw new InvalidOperationException("not an integer"),
    };

    private static int CompareIntegers(object a, object b) => IntegerKey(a).CompareTo(IntegerKey(b));

    private static double ToDouble(object v) => v switch
    {
        double d => d,
        float f => f,
        _ => (double)IntegerKey(v),
    };

    private sealed class ExactEquality : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => ExactlyEqual(x, y);

        public int GetHashCode(object obj) => Hash(obj);
    }
}
