using System.Globalization;
using System.Text;

namespace Otp.Io;

/// <summary>
/// A subset of Erlang's <c>io_lib:format/2</c>, enough for the workbook's printing on either side
/// of a connection: <c>~n ~~ ~p ~w ~s ~a ~B ~c ~i ~f</c>, without field widths, precisions or
/// padding. <c>~p</c> prints printable lists as strings but does not break long terms over
/// several lines as Erlang does past 80 columns.
/// </summary>
public static class IoLibFormat
{
    /// <summary>Formats <paramref name="args"/> into <paramref name="format"/>.</summary>
    /// <exception cref="BadArgException">A control sequence this subset does not know, or the
    /// arguments do not match the format (Erlang fails with <c>badarg</c> too).</exception>
    public static string Format(string format, IReadOnlyList<object?> args)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(args);
        var sb = new StringBuilder(format.Length + 16);
        var next = 0;
        object? Next(char directive) => next < args.Count
            ? args[next++]
            : throw new BadArgException($"io format \"{format}\": ~{directive} has no argument ({args.Count} given)");
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '~') { sb.Append(c); continue; }
            if (++i == format.Length) throw new BadArgException($"io format \"{format}\" ends with a lone ~");
            var d = format[i];
            switch (d)
            {
                case 'n': sb.Append('\n'); break;
                case '~': sb.Append('~'); break;
                case 'p': AppendPretty(sb, Next(d)); break;
                case 'w': sb.Append(Terms.Term.Format(Canonical(Next(d)))); break;
                case 's': sb.Append(Text(Next(d))); break;
                case 'a': sb.Append(Next(d) is Atom a ? a.Name : throw new BadArgException($"io format: ~a needs an atom")); break;
                case 'B': sb.Append(Integer(Next(d))); break;
                case 'i': Next(d); break; // ~i skips its argument
                case 'c': sb.Append(Next(d) is int cp && Rune.IsValid(cp) ? new Rune(cp).ToString() : throw new BadArgException("io format: ~c needs a character code")); break;
                case 'f': sb.Append(Next(d) is double f ? f.ToString("F6", CultureInfo.InvariantCulture) : throw new BadArgException("io format: ~f needs a float")); break;
                default: throw new BadArgException($"io format \"{format}\": ~{d} is not supported by this runtime (only ~n ~~ ~p ~w ~s ~a ~B ~c ~i ~f, without widths)");
            }
        }
        if (next != args.Count) throw new BadArgException($"io format \"{format}\" uses {next} arguments, {args.Count} given");
        return sb.ToString();
    }

    /// <summary>The text of Erlang chardata (a string, a binary, an atom, or a possibly nested
    /// list of characters and binaries), as <c>~s</c> and <c>put_chars</c> take it.</summary>
    /// <exception cref="BadArgException">Not chardata.</exception>
    public static string Text(object? chardata)
    {
        var sb = new StringBuilder();
        AppendText(sb, chardata);
        return sb.ToString();
    }

    private static void AppendText(StringBuilder sb, object? data)
    {
        switch (data)
        {
            case string s: sb.Append(s); break;
            case Atom a: sb.Append(a.Name); break;
            case Binary b when b.IsBinary: sb.Append(Encoding.UTF8.GetString(b.Bytes)); break;
            case int cp when Rune.IsValid(cp): sb.Append(new Rune(cp).ToString()); break;
            case ErlangList l when l.IsProper:
                foreach (var item in l) AppendText(sb, item);
                break;
            default: throw new BadArgException($"{Terms.Term.Format(data)} is not text (a string, a binary, an atom or a list of them)");
        }
    }

    private static string Integer(object? n) => n switch
    {
        int or long or System.Numerics.BigInteger => Convert.ToString(n, CultureInfo.InvariantCulture)!,
        _ => throw new BadArgException($"io format: ~B needs an integer, got {Terms.Term.Format(n)}"),
    };

    // A C# string is an Erlang string (a list), so ~w shows it as one, as Erlang would.
    private static object? Canonical(object? value) => value is string s ? ErlangList.FromString(s) : value;

    private static void AppendPretty(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case string s:
                AppendQuoted(sb, s);
                break;
            case ErlangList l when l.Count > 0 && l.TryGetString(out var text) && IsPrintable(text):
                AppendQuoted(sb, text);
                break;
            case ErlangList l:
                sb.Append('[');
                for (var i = 0; i < l.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    AppendPretty(sb, l[i]);
                }
                if (l.Tail is not null) { sb.Append('|'); AppendPretty(sb, l.Tail); }
                sb.Append(']');
                break;
            case Binary b when b.IsBinary && b.Bytes.Length > 0 && IsPrintable(Encoding.Latin1.GetString(b.Bytes)):
                sb.Append("<<");
                AppendQuoted(sb, Encoding.Latin1.GetString(b.Bytes));
                sb.Append(">>");
                break;
            case ErlangTuple t:
                sb.Append('{');
                for (var i = 0; i < t.Length; i++)
                {
                    if (i > 0) sb.Append(',');
                    AppendPretty(sb, t[i]);
                }
                sb.Append('}');
                break;
            default:
                sb.Append(Terms.Term.Format(value));
                break;
        }
    }

    // Erlang's default printable range (+pc latin1): Latin-1 graphic characters and the usual
    // control escapes.
    private static bool IsPrintable(string text) =>
        text.All(c => c is >= ' ' and <= '~' or >= '\u00a0' and <= '\u00ff' or '\n' or '\r' or '\t' or '\v' or '\b' or '\f' or '\u001b');

    private static void AppendQuoted(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\v' => "\\v",
                '\b' => "\\b",
                '\f' => "\\f",
                '\u001b' => "\\e",
                _ => c.ToString(),
            });
        sb.Append('"');
    }
}
