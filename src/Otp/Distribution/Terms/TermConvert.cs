using System.Collections;
using System.Numerics;

namespace Otp.Distribution.Terms;

/// <summary>Conversions between decoded terms and the C# types a record's constructor asks for.</summary>
internal static class TermConvert
{
    public static readonly Atom Undefined = new("undefined");
    public static readonly Atom True = new("true");
    public static readonly Atom False = new("false");

    public static ErlangMap ToMap(IDictionary d)
    {
        var pairs = new List<KeyValuePair<object?, object?>>(d.Count);
        foreach (DictionaryEntry e in d) pairs.Add(new(e.Key, e.Value));
        return new ErlangMap(pairs);
    }

    /// <summary>Converts a decoded term to <paramref name="target"/> where the mapping says the
    /// term stands for such a value (an integer for <c>long</c>, a code-point list or UTF-8
    /// binary for <c>string</c>, ...).</summary>
    public static bool TryConvert(object? value, Type target, out object? result)
    {
        result = value;
        if (value is null) return !target.IsValueType || Nullable.GetUnderlyingType(target) is not null;
        if (target.IsInstanceOfType(value)) return true;
        // null travels as undefined, so undefined comes back as null wherever null fits.
        if (value is Atom { Name: "undefined" } && !target.IsValueType)
        {
            result = null;
            return true;
        }
        if (Nullable.GetUnderlyingType(target) is { } inner)
        {
            if (value is Atom { Name: "undefined" }) { result = null; return true; }
            target = inner;
        }
        try
        {
            switch (value)
            {
                case int or long or BigInteger when IsIntegral(target):
                    var big = value switch { int i => new BigInteger(i), long l => new BigInteger(l), _ => (BigInteger)value };
                    result = target == typeof(BigInteger) ? big : Convert.ChangeType((decimal)big, target, System.Globalization.CultureInfo.InvariantCulture);
                    return true;
                case double d when target == typeof(float):
                    result = (float)d;
                    return true;
                case Atom { Name: "true" or "false" } a when target == typeof(bool):
                    result = a.Name == "true";
                    return true;
                case ErlangList l when target == typeof(string):
                    if (!l.TryGetString(out var s)) return false;
                    result = s;
                    return true;
                case Binary b when target == typeof(string) && b.IsBinary:
                    result = new System.Text.UTF8Encoding(false, true).GetString(b.Bytes);
                    return true;
                case Binary b when target == typeof(byte[]) && b.IsBinary:
                    result = b.ToArray();
                    return true;
                case ErlangTuple t when RecordShape.For(target) is { } shape && t.Length == shape.Size && t[0] is Atom tag && tag == shape.Tag:
                    result = shape.FromTuple([.. t]);
                    return result is not null;
            }
        }
        catch (Exception e) when (e is OverflowException or System.Text.DecoderFallbackException)
        {
        }
        result = null;
        return false;
    }

    private static bool IsIntegral(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(sbyte)
        || t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort) || t == typeof(BigInteger);
}
