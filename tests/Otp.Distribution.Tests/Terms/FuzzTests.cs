using System.Numerics;
using Otp.Distribution.Terms;

namespace Otp.Distribution.Tests.Terms;

/// <summary>
/// Random and mutated inputs: each one decodes, or fails with
/// <see cref="ExternalTermFormatException"/>; nothing else may escape (no IndexOutOfRange, no
/// OverflowException, no stack overflow, no out-of-memory). Seeded, so a failure replays.
/// </summary>
public class FuzzTests
{
    private static readonly object?[] Seeds =
    [
        new ErlangTuple(new Atom("$gen_call"), new ErlangTuple(Pid.Remote("a@b", 1, 2, 3), ErlangList.Improper([new Atom("alias")], Ref.Remote("a@b", 3, [1, 2, 3]))), new ErlangTuple(new Atom("is_auth"), new Atom("cs@127.0.0.1"))),
        new ErlangMap([new(new ErlangTuple(1, 2), new ErlangList(1.5, "text", new Binary([1, 2, 3]))), new(new Atom("k"), BigInteger.Pow(2, 100))]),
        new ErlangList(-1, 300, long.MaxValue, -BigInteger.Pow(10, 300), Binary.BitString([0xAB, 0xC0], 3), new Port("p@h", 1UL << 40, 9)),
        "héllo wörld → ok",
        new ErlangTuple(ErlangTuple.Empty, ErlangList.Nil, ErlangMap.Empty, new ErlangList(new ErlangList(new ErlangList(1)))),
    ];

    // Hand-made encodings of what C# never writes: old tags and a fun.
    private static readonly string[] ExtraHex =
    [
        "836400026F6B", "8373026F6B", "8367640001610000000100000002" + "03", "83720001640001610300000001", "8365640001610000000103",
        "8366640001610000000103", "8363" + "312E3530303030303030303030303030303030303030652B30300000000000",
        "837177056C697374737707726576657273656101",
        "83700000004B01065361AA461590D1BDF1EB62D1A6EB080000002A00000000770865726C5F6576616C612A6200329B0D58770D6E6F6E6F6465406E6F686F737400000000000000000000000000",
    ];

    [Fact]
    public void Ten_thousand_random_and_mutated_inputs_decode_or_fail_cleanly()
    {
        var random = new Random(20261202);
        var corpus = Seeds.Select(s => ExternalTermFormat.Encode(s))
            .Concat(ExtraHex.Select(Convert.FromHexString))
            .Append(BadInputTests.Compress(ExternalTermFormat.Encode(Seeds[0])[1..], ExternalTermFormat.Encode(Seeds[0]).Length - 1))
            .ToArray();
        int decoded = 0, refused = 0;
        for (var i = 0; i < 12_000; i++)
        {
            var input = i % 6 == 0 ? RandomBytes(random) : Mutate(random, corpus[random.Next(corpus.Length)]);
            try
            {
                ExternalTermFormat.Decode(input);
                decoded++;
            }
            catch (ExternalTermFormatException)
            {
                refused++;
            }
        }
        // Both outcomes must occur, or the mutations are too timid (or too wild) to mean anything.
        Assert.True(decoded > 100, $"only {decoded} inputs decoded");
        Assert.True(refused > 5000, $"only {refused} inputs were refused");
    }

    [Fact]
    public void Every_seed_decodes_before_mutation()
    {
        foreach (var hex in ExtraHex) ExternalTermFormat.Decode(Convert.FromHexString(hex));
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 64)];
        random.NextBytes(bytes);
        bytes[0] = 131;
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] original)
    {
        var bytes = original.ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 1; e++)
        {
            var at = random.Next(1, bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 2: bytes.RemoveRange(at, bytes.Count - at); break;
                case 3: bytes.Insert(at, (byte)random.Next(256)); break;
                case 4: bytes.RemoveAt(at); break;
                // A length field gone huge: the classic allocation bomb.
                default: for (var k = at; k < Math.Min(at + 4, bytes.Count); k++) bytes[k] = 0xFF; break;
            }
        }
        return bytes.ToArray();
    }
}
