using System.Collections;
using System.Globalization;
using System.Text;

namespace Otp.Terms;

/// <summary>
/// Prints .NET values the way Erlang prints terms, for traces and diagrams: strings in double
/// quotes, tuples in braces, lists in brackets, atoms bare. Records and other objects print with
/// their own <see cref="object.ToString"/>.
/// </summary>
public static class Term
{
    /// <summary>Formats <paramref name="value"/> in Erlang notation.</summary>
    public static string Format(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    /// <summary>The first element of a tuple, or the value itself, formatted.</summary>
    public static string Head(object? value) => value is System.Runtime.CompilerServices.ITuple { Length: > 0 } t ? Format(t[0]) : Format(value);

    private static void AppendBinary(StringBuilder sb, Binary bin)
    {
        sb.Append("<<");
        var bytes = bin.Bytes;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i > 0) sb.Append(',');
            // A bitstring's last byte holds its bits in the high end; Erlang prints their value.
            if (i == bytes.Length - 1 && !bin.IsBinary)
                sb.Append(bytes[i] >> (8 - bin.LastByteBits)).Append(':').Append(bin.LastByteBits);
            else sb.Append(bytes[i]);
        }
        sb.Append(">>");
    }

    private static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("undefined"); break;
            case string s: sb.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"'); break;
            // A crash inside a larger reason prints as the crash reason itself, not a stack trace.
            case Exception ex: sb.Append(ExitReason.Error(ex).ToString()); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case double d: sb.Append(d.ToString("0.0###############", CultureInfo.InvariantCulture)); break;
            case IFormattable f when value is int or long or short or byte or uint or ulong or decimal:
                sb.Append(f.ToString(null, CultureInfo.InvariantCulture)); break;
            case Binary bin: AppendBinary(sb, bin); break;
            case ErlangMap map:
                sb.Append("#{");
                var firstPair = true;
                foreach (var (k, v) in map)
                {
                    if (!firstPair) sb.Append(',');
                    firstPair = false;
                    Append(sb, k);
                    sb.Append(" => ");
                    Append(sb, v);
                }
                sb.Append('}');
                break;
            case ErlangList list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Append(sb, list[i]);
                }
                if (list.Tail is not null)
                {
                    sb.Append('|');
                    Append(sb, list.Tail);
                }
                sb.Append(']');
                break;
            case System.Runtime.CompilerServices.ITuple t:
                sb.Append('{');
                for (var i = 0; i < t.Length; i++)
                {
                    if (i > 0) sb.Append(',');
                    Append(sb, t[i]);
                }
                sb.Append('}');
                break;
            case IEnumerable e and not IDictionary:
                sb.Append('[');
                var first = true;
                foreach (var item in e)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    Append(sb, item);
                }
                sb.Append(']');
                break;
            default: sb.Append(value.ToString()); break;
        }
    }
}
