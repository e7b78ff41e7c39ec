using Otp;

namespace Lab07.ReplicatedKv;

/// <summary>Given: reading text that crossed nodes. A C# <c>string</c> sent to another node arrives
/// as an Erlang string, that is an <see cref="ErlangList"/> of code points; a
/// <see cref="Binary"/> arrives as itself.</summary>
public static class Wire
{
    /// <summary>The text of <paramref name="term"/>: a <c>string</c> as it is, an Erlang string
    /// (<see cref="ErlangList"/>, the empty list included) or a UTF-8 <see cref="Binary"/> read as text.</summary>
    /// <exception cref="ArgumentException"><paramref name="term"/> is no text.</exception>
    public static string Text(object? term) => term switch
    {
        string s => s,
        ErlangList l when l.TryGetString(out var s) => s,
        Binary b when b.IsBinary => System.Text.Encoding.UTF8.GetString(b.Bytes),
        _ => throw new ArgumentException($"not text: {term}", nameof(term)),
    };
}
