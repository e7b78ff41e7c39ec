using System.Buffers;
using System.Numerics;
using CsCheck;
using Otp.Distribution.Terms;

namespace Otp.Distribution.Tests.Terms;

/// <summary>Round trips of generated terms (CsCheck): every term the generator can build
/// decodes back to an equal term, whatever its shape.</summary>
public class PropertyTests
{
    private static readonly Atom Other = "other@host";

    private static Gen<object?> Leaf { get; } = Gen.Frequency<object?>(
        (3, Gen.Int.Select(i => (object?)i)),
        (2, Gen.Long.Select(l => (object?)l)),
        (1, Gen.Byte.Array[0, 40].Select(b => (object?)new BigInteger(b))),
        (2, Gen.Double.Select(d => (object?)(double.IsFinite(d) ? d : 0.5))),
        (3, Gen.Char['a', 'z'].Array[0, 12].Select(cs => (object?)new Atom(new string(cs)))),
        (1, Gen.Char.Array[0, 8].Select(cs => (object?)new Atom(new string(cs.Where(c => !char.IsSurrogate(c)).ToArray())))),
        (2, Gen.Byte.Array[0, 20].Select(b => (object?)new Binary(b))),
        (1, Gen.Select(Gen.Byte.Array[1, 5], Gen.Int[1, 8], (b, bits) => (object?)Binary.BitString(b, bits))),
        (2, Gen.Char.Array[0, 12].Select(cs => (object?)new string(cs.Where(c => !char.IsSurrogate(c)).ToArray()))),
        (1, Gen.Select(Gen.UInt, Gen.UInt, Gen.UInt, (id, serial, creation) => (object?)Pid.Remote(Other, id, serial, creation))),
        (1, Gen.Select(Gen.UInt, Gen.UInt.Array[1, 5], (creation, ids) => (object?)Ref.Remote(Other, creation, ids))),
        (1, Gen.Select(Gen.ULong, Gen.UInt, (id, creation) => (object?)new Port(Other, id, creation))),
        (1, Gen.Const<object?>(ErlangList.Nil)),
        (1, Gen.Bool.Select(b => (object?)b)));

    internal static Gen<object?> Terms { get; } = Gen.Recursive<object?>((depth, self) => depth >= 4
        ? Leaf
        : Gen.Frequency<object?>(
            (6, Leaf),
            (1, self.Array[0, 6].Select(items => (object?)new ErlangTuple(items))),
            (1, self.Array[0, 6].Select(items => (object?)new ErlangList(items))),
            (1, Gen.Select(self.Array[1, 4], Leaf, (items, tail) => (object?)ErlangList.Improper(items, tail is ErlangList ? new Atom("t") : tail))),
            (1, Gen.Select(self, self).Array[0, 5].Select(pairs => (object?)new ErlangMap(pairs.Select(p => new KeyValuePair<object?, object?>(p.Item1, p.Item2)))))));

    [Fact]
    public void Decode_of_encode_is_the_same_term() =>
        Terms.Sample(term =>
        {
            var decoded = ExternalTermFormat.Decode(ExternalTermFormat.Encode(term));
            Assert.True(TermEquality.Default.Equals(term, decoded), $"{Otp.Terms.Term.Format(term)} came back as {Otp.Terms.Term.Format(decoded)}");
            Assert.Equal(TermEquality.Default.GetHashCode(term), TermEquality.Default.GetHashCode(decoded));
        }, iter: 2000, threads: 1);

    [Fact]
    public void Encoding_is_a_function_of_the_term() =>
        // Decoding normalises (a C# string becomes a list, a long that fits becomes an int), but
        // the bytes must not change: encode . decode . encode = encode.
        Terms.Sample(term =>
        {
            var bytes = ExternalTermFormat.Encode(term);
            Assert.Equal(bytes, ExternalTermFormat.Encode(ExternalTermFormat.Decode(bytes)));
        }, iter: 2000, threads: 1);

    [Fact]
    public void Terms_written_one_after_another_are_read_one_after_another() =>
        Gen.Select(Terms, Terms).Sample((a, b) =>
        {
            var buffer = new ArrayBufferWriter<byte>();
            ExternalTermFormat.Encode(a, buffer);
            var split = buffer.WrittenCount;
            ExternalTermFormat.Encode(b, buffer);
            var first = ExternalTermFormat.Decode(buffer.WrittenSpan, null, out var consumed);
            Assert.Equal(split, consumed);
            var second = ExternalTermFormat.Decode(buffer.WrittenSpan[consumed..]);
            Assert.True(TermEquality.Default.Equals(a, first) && TermEquality.Default.Equals(b, second));
        }, iter: 500, threads: 1);
}
