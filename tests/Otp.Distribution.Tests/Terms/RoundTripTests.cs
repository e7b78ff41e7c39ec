using System.Numerics;
using Otp.Distribution.Terms;

namespace Otp.Distribution.Tests.Terms;

public class RoundTripTests
{
    private static object RoundTrip(object? term) => ExternalTermFormat.Decode(ExternalTermFormat.Encode(term));

    public static TheoryData<object> Terms() =>
    [
        new Atom("ok"), new Atom("héllo wörld"), new Atom(new string('x', 255)), new Atom(new string('é', 200)),
        0, 255, 256, -1, int.MaxValue, int.MinValue, (long)int.MaxValue + 1, long.MinValue, long.MaxValue,
        BigInteger.Pow(2, 64), -BigInteger.Pow(3, 1000), BigInteger.Pow(7, 2000),
        0.0, -1.5, double.MaxValue, double.Epsilon,
        ErlangTuple.Empty, new ErlangTuple(new Atom("ping"), 1, ErlangList.Nil),
        ErlangList.Nil, new ErlangList(1, 2, 3), new ErlangList(1, 1000, -1), ErlangList.Improper([new Atom("alias")], Ref.Make()),
        new Binary([]), new Binary([1, 2, 3]), Binary.BitString([0xFF, 0xE0], 3),
        new ErlangMap([new(new ErlangTuple(1, 2), new Atom("a")), new(new Binary([9]), ErlangMap.Empty)]),
        Pid.Remote("pong@127.0.0.1", 42, 7, 1234567), Ref.Remote("pong@127.0.0.1", 99, [1, 2, 3, 4, 5]),
        new Port("pong@127.0.0.1", 7, 3), new Port("pong@127.0.0.1", 1UL << 40, 3),
    ];

    [Theory]
    [MemberData(nameof(Terms))]
    public void Decode_of_encode_gives_the_term_back(object term) => Assert.Equal(term, RoundTrip(term));
}
