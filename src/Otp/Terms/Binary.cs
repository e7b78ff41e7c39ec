namespace Otp;

/// <summary>
/// An Erlang binary, <c>&lt;&lt;1,2,3&gt;&gt;</c>, or a bitstring whose last byte is only partly
/// used (<c>&lt;&lt;1,2:3&gt;&gt;</c>). Immutable and compared by content, so binaries work as map
/// keys and in test assertions (a <c>byte[]</c> compares by reference; it still encodes as a
/// binary).
/// </summary>
public sealed class Binary : IEquatable<Binary>
{
    private readonly byte[] _bytes;

    /// <summary>A binary holding a copy of <paramref name="bytes"/>.</summary>
    public Binary(ReadOnlySpan<byte> bytes) : this(bytes.ToArray(), 8) { }

    private Binary(byte[] bytes, int lastByteBits)
    {
        _bytes = bytes;
        LastByteBits = lastByteBits;
    }

    /// <summary>A bitstring: <paramref name="bytes"/>, of which only the
    /// <paramref name="lastByteBits"/> high bits of the last byte count (the others are cleared,
    /// as Erlang does).</summary>
    /// <exception cref="ArgumentException">Bits outside 1..8, or no bytes to hold them.</exception>
    public static Binary BitString(ReadOnlySpan<byte> bytes, int lastByteBits)
    {
        if (lastByteBits is < 1 or > 8) throw new ArgumentOutOfRangeException(nameof(lastByteBits), "a bitstring's last byte holds 1 to 8 bits");
        if (bytes.IsEmpty && lastByteBits != 8) throw new ArgumentException("an empty bitstring has no partial last byte", nameof(bytes));
        var copy = bytes.ToArray();
        if (copy.Length > 0) copy[^1] &= (byte)(0xFF << (8 - lastByteBits));
        return new Binary(copy, lastByteBits);
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/>: an Elixir string, or Erlang's
    /// <c>&lt;&lt;"text"/utf8&gt;&gt;</c>.</summary>
    public static Binary FromString(string text) => new(System.Text.Encoding.UTF8.GetBytes(text), 8);

    internal static Binary Wrap(byte[] bytes, int lastByteBits) => new(bytes, lastByteBits);

    /// <summary>The bytes (for a bitstring, the last one holds only <see cref="LastByteBits"/> bits).</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>How many high bits of the last byte belong to the term: 8 for a binary.</summary>
    public int LastByteBits { get; }

    /// <summary>True when the size is a whole number of bytes (Erlang's <c>is_binary/1</c>).</summary>
    public bool IsBinary => LastByteBits == 8;

    /// <summary>The bytes as a new array.</summary>
    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>Erlang's notation: <c>&lt;&lt;1,2,3&gt;&gt;</c>.</summary>
    public override string ToString() => Terms.Term.Format(this);

    /// <inheritdoc/>
    public bool Equals(Binary? other) => other is not null && other.LastByteBits == LastByteBits && other._bytes.AsSpan().SequenceEqual(_bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Binary b && Equals(b);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(_bytes);
        h.Add(LastByteBits);
        return h.ToHashCode();
    }
}
