using System.Buffers;

namespace Otp.Distribution.Terms;

/// <summary>
/// Erlang's External Term Format (<c>term_to_binary/1</c>, <c>binary_to_term/1</c>, and the
/// payload of every distribution message): encodes C# values as terms and decodes terms as C#
/// values. docs/distribution.md gives the mapping both ways.
/// </summary>
/// <remarks>
/// <para>Encoding writes what OTP 25 and 26 accept from a peer with the mandatory flags:
/// UTF-8 atoms (SMALL_ATOM_UTF8_EXT, ATOM_UTF8_EXT), NEW_PID_EXT, NEWER_REFERENCE_EXT,
/// NEW_PORT_EXT (V4_PORT_EXT for ids over 28 bits), NEW_FLOAT_EXT, and STRING_EXT for a list of
/// small integers exactly where <c>term_to_binary</c> uses it, so the bytes equal
/// <c>term_to_binary(T, [{minor_version, 2}])</c>.</para>
/// <para>Decoding also accepts the older tags Erlang may still send or store (Latin-1 atoms,
/// FLOAT_EXT, PID_EXT, NEW_REFERENCE_EXT, REFERENCE_EXT, PORT_EXT) and compressed terms (tag 80).
/// Atom cache references (tag 82) are not accepted: they only occur after a distribution header,
/// which a node that does not negotiate DFLAG_DIST_HDR_ATOM_CACHE never receives.</para>
/// <para>Every malformed input fails with <see cref="ExternalTermFormatException"/>: lengths are
/// checked against the bytes that remain before anything is allocated, nesting is bounded by
/// <see cref="MaxDepth"/>, and a compressed term may not inflate beyond
/// <see cref="MaxUncompressedSize"/>.</para>
/// </remarks>
public static class ExternalTermFormat
{
    /// <summary>The version byte that starts every encoded term.</summary>
    public const byte Version = 131;

    /// <summary>The deepest nesting of tuples, lists, maps and list elements the decoder accepts.</summary>
    public const int MaxDepth = 1000;

    /// <summary>The largest size a compressed term may declare for its uncompressed form (64 MiB).</summary>
    public const int MaxUncompressedSize = 64 * 1024 * 1024;

    /// <summary>Encodes <paramref name="term"/> with the version byte, as <c>term_to_binary</c>.</summary>
    /// <param name="term">Any value of the documented mapping.</param>
    /// <param name="context">The local node; <see cref="ExternalTermContext.Local"/> when null.</param>
    /// <exception cref="ArgumentException">A value with no Erlang form (NaN, an arbitrary object),
    /// or a structure deeper than <see cref="MaxDepth"/>.</exception>
    public static byte[] Encode(object? term, IExternalTermContext? context = null)
    {
        // One scratch buffer per thread, so the only allocation is the result. It is taken out
        // of the slot while in use, in case encoding ever re-enters (a record's property getter).
        var buffer = t_scratch ?? new ArrayBufferWriter<byte>(256);
        t_scratch = null;
        try
        {
            Encode(term, buffer, context);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.ResetWrittenCount();
            if (buffer.Capacity <= MaxScratch) t_scratch = buffer;
        }
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_scratch;

    // A thread that once encoded a huge term does not keep its buffer for ever.
    private const int MaxScratch = 64 * 1024;

    /// <summary>Writes <paramref name="term"/>, version byte first, to <paramref name="output"/>
    /// (a connection's frame buffer, for example).</summary>
    /// <exception cref="ArgumentException">As for <see cref="Encode(object?, IExternalTermContext?)"/>;
    /// part of the term may then already have been written.</exception>
    public static void Encode(object? term, IBufferWriter<byte> output, IExternalTermContext? context = null)
    {
        var encoder = new TermEncoder(output, context ?? ExternalTermContext.Local);
        encoder.WriteByte(Version);
        encoder.Write(term, 0);
    }

    /// <summary>Decodes the one term that <paramref name="bytes"/> holds, version byte first.</summary>
    /// <exception cref="ExternalTermFormatException">Not exactly one valid term.</exception>
    public static object Decode(ReadOnlySpan<byte> bytes, IExternalTermContext? context = null)
    {
        var term = Decode(bytes, context, out var consumed);
        if (consumed != bytes.Length)
            throw new ExternalTermFormatException(consumed, $"{bytes.Length - consumed} bytes follow the term");
        return term;
    }

    /// <summary>Decodes the term at the start of <paramref name="bytes"/> (version byte first) and
    /// says how many bytes it took, for a frame that holds several terms one after another.</summary>
    /// <remarks>A compressed term (tag 80) takes the rest of the input: its length is known only
    /// to zlib. <c>term_to_binary</c> output and distribution frames never put anything after one.</remarks>
    /// <exception cref="ExternalTermFormatException">No valid term at the start.</exception>
    public static object Decode(ReadOnlySpan<byte> bytes, IExternalTermContext? context, out int bytesConsumed)
    {
        var decoder = new TermDecoder(bytes, context ?? ExternalTermContext.Local);
        var term = decoder.ReadVersioned();
        bytesConsumed = decoder.Position;
        return term;
    }
}
