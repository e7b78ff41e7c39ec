using Otp.Distribution.Terms;

namespace Otp.Distribution.Tests.Terms;

/// <summary>Each kind of malformed input fails with <see cref="ExternalTermFormatException"/>,
/// saying where and why.</summary>
public class BadInputTests
{
    private static ExternalTermFormatException Rejects(string hex) =>
        Assert.Throws<ExternalTermFormatException>(() => ExternalTermFormat.Decode(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("", "ends in the middle")]
    [InlineData("84", "version byte is 132")]
    [InlineData("83", "ends in the middle")]
    [InlineData("8362000001", "4 bytes are needed")]
    [InlineData("83610101", "1 bytes follow the term")]
    [InlineData("83FF", "unknown tag 255")]
    [InlineData("836DFFFFFFFF00", "4294967295 bytes are needed")]
    [InlineData("836CFFFFFFFF6A", "a list declares 4294967295 elements")]
    [InlineData("8369FFFFFFFF", "a tuple declares 4294967295 elements")]
    [InlineData("8374FFFFFFFF", "a map declares 4294967295 elements")]
    [InlineData("836FFFFFFFFF00", "4294967295 bytes are needed")]
    [InlineData("836E010201", "sign byte is 2")]
    [InlineData("83467FF8000000000000", "not finite")]
    [InlineData("837702C328", "not valid UTF-8")]
    [InlineData("83740000000277016161017701616102", "the same key twice")]
    [InlineData("835201", "atom cache reference")]
    [InlineData("836801500000000A", "compressed term may only follow the version byte")]
    [InlineData("834D0000000109FF", "cannot end with 9 bits")]
    [InlineData("835A000677016100000000", "1 to 5 id words")]
    [InlineData("83586101", "an atom was expected")]
    [InlineData("83750000", "FUN_EXT (117) is obsolete")]
    [InlineData("835000000000", "declares 0 bytes uncompressed")]
    [InlineData("8350FFFFFFFF789C", "declares 4294967295 bytes")]
    [InlineData("83500000000A0102030405", "not valid zlib")]
    [InlineData("8371770161770162620000FFFF", "arity is not a small integer")]
    public void Malformed_input_says_what_is_wrong(string hex, string reason)
    {
        var e = Rejects(hex);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void A_bitstring_of_no_bytes_is_the_empty_binary()
    {
        // binary_to_term accepts BIT_BINARY_EXT with no bytes and 0 bits: it is <<>>.
        Assert.Equal(new Binary([]), ExternalTermFormat.Decode(Convert.FromHexString("834D0000000000")));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_both_ways()
    {
        object term = ErlangList.Nil;
        for (var i = 0; i <= ExternalTermFormat.MaxDepth; i++) term = new ErlangTuple(term);
        Assert.Throws<ArgumentException>(() => ExternalTermFormat.Encode(term));

        // 2,000 nested one-element tuples: 104,1,104,1,...,106.
        var bytes = new List<byte> { 131 };
        for (var i = 0; i < 2 * ExternalTermFormat.MaxDepth; i++) bytes.AddRange([104, 1]);
        bytes.Add(106);
        var e = Assert.Throws<ExternalTermFormatException>(() => ExternalTermFormat.Decode(bytes.ToArray()));
        Assert.Contains("nest deeper", e.Message);
    }

    [Fact]
    public void A_compressed_term_that_inflates_beyond_its_declared_size_is_refused()
    {
        var bytes = ExternalTermFormat.Encode(Enumerable.Repeat(new Atom("hello"), 100).ToArray());
        var compressed = Compress(bytes[1..], declaredSize: bytes.Length - 10);
        var e = Assert.Throws<ExternalTermFormatException>(() => ExternalTermFormat.Decode(compressed));
        Assert.Contains("more than the", e.Message);
    }

    [Fact]
    public void A_compressed_term_shorter_than_declared_is_refused()
    {
        var bytes = ExternalTermFormat.Encode(new ErlangList(1, 2, 3));
        var e = Assert.Throws<ExternalTermFormatException>(() => ExternalTermFormat.Decode(Compress(bytes[1..], declaredSize: 100)));
        Assert.Contains("not the 100 it declares", e.Message);
    }

    [Fact]
    public void Values_with_no_Erlang_form_are_refused_when_encoding()
    {
        Assert.Throws<ArgumentException>(() => ExternalTermFormat.Encode(double.NaN));
        Assert.Throws<ArgumentException>(() => ExternalTermFormat.Encode(double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => ExternalTermFormat.Encode(new object()));
        Assert.Throws<ArgumentException>(() => ExternalTermFormat.Encode(new Atom(new string('a', 256))));
    }

    internal static byte[] Compress(byte[] term, int declaredSize)
    {
        using var output = new MemoryStream();
        output.Write([131, 80]);
        output.Write([(byte)(declaredSize >> 24), (byte)(declaredSize >> 16), (byte)(declaredSize >> 8), (byte)declaredSize]);
        using (var zlib = new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(term);
        return output.ToArray();
    }
}
