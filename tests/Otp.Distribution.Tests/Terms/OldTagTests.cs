using Otp.Distribution.Terms;

namespace Otp.Distribution.Tests.Terms;

/// <summary>Tags OTP no longer writes but may still hand over (stored <c>term_to_binary</c> output,
/// older peers): each decodes to the term its modern form gives.</summary>
public class OldTagTests
{
    private static readonly Atom A = "a@h";

    public static TheoryData<string, string, object> Cases() => new()
    {
        // ATOM_EXT and SMALL_ATOM_EXT hold Latin-1: E9 is é.
        { "ATOM_EXT", "836400026FE9", new Atom("oé") },
        { "SMALL_ATOM_EXT", "8373026FE9", new Atom("oé") },
        // FLOAT_EXT: 31 bytes of "%.20e" text.
        { "FLOAT_EXT", "8363" + Convert.ToHexString("1.50000000000000000000e+00\0\0\0\0\0"u8), 1.5 },
        // PID_EXT: node, ID:32, Serial:32, Creation:8.
        { "PID_EXT", "83676400036140680000000100000002" + "03", Pid.Remote(A, 1, 2, 3) },
        // NEW_REFERENCE_EXT: Len:16, node, Creation:8, Len x ID:32.
        { "NEW_REFERENCE_EXT", "83720002640003614068" + "03" + "0000000100000002", Ref.Remote(A, 3, [1, 2]) },
        // REFERENCE_EXT: node, ID:32, Creation:8.
        { "REFERENCE_EXT", "8365640003614068" + "00000009" + "03", Ref.Remote(A, 3, [9]) },
        // PORT_EXT: node, ID:32, Creation:8; V4_PORT_EXT: node, ID:64, Creation:32.
        { "PORT_EXT", "8366640003614068" + "00000007" + "03", new Port(A, 7, 3) },
        { "V4_PORT_EXT", "83787703614068" + "0000000000000007" + "00000003", new Port(A, 7, 3) },
        // A LIST_EXT whose tail is a list is the spliced list: [1|[2]] is [1,2].
        { "LIST_EXT with a list tail", "836C00000001610" + "16C0000000161026A", new ErlangList(1, 2) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Old_tags_decode_to_the_modern_term(string tag, string hex, object expected)
    {
        var decoded = ExternalTermFormat.Decode(Convert.FromHexString(hex));
        Assert.True(TermEquality.Default.Equals(expected, decoded), $"{tag}: {Otp.Terms.Term.Format(decoded)}");
    }
}
