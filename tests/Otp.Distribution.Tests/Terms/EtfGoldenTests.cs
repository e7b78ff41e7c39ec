using System.Numerics;
using System.Text;
using Otp.Distribution.Terms;

namespace Otp.Distribution.Tests.Terms;

/// <summary>
/// The codec against real Erlang: Terms/Erlang/etf_golden.escript prints <c>term_to_binary</c> of
/// a list of named terms; each has a C# twin here. The C# encoding must equal Erlang's bytes, the
/// decoding of Erlang's bytes (UTF-8, Latin-1 and compressed) must equal the twin, and Erlang's
/// <c>binary_to_term</c> of the C# bytes must be the same term, printed the same way.
/// </summary>
public class EtfGoldenTests
{
    private static readonly Atom Pong = "pong@127.0.0.1";
    private static readonly Pid RemotePid = Pid.Remote(Pong, 42, 7, 1234567);
    private static readonly Ref RemoteRef = Ref.Remote(Pong, 1234567, [1, 2, 3]);

    /// <summary>The C# twin of each Erlang term, by name.</summary>
    private static readonly Dictionary<string, object?> Twins = new()
    {
        ["atom_ok"] = new Atom("ok"),
        ["atom_quoted"] = new Atom("hello world"),
        ["atom_unicode"] = new Atom("héllo"),
        ["atom_255"] = new Atom(new string('x', 255)),
        ["atom_long_utf8"] = new Atom(new string('é', 200)),
        ["bool_true"] = true,
        ["bool_false"] = false,
        ["null_undefined"] = null,
        ["int_0"] = 0,
        ["int_255"] = (byte)255,
        ["int_256"] = (short)256,
        ["int_minus_1"] = -1,
        ["int_max"] = int.MaxValue,
        ["int_min"] = int.MinValue,
        ["long_2_31"] = 2147483648L,
        ["long_max"] = long.MaxValue,
        ["long_min"] = long.MinValue,
        ["ulong_max"] = ulong.MaxValue,
        ["big_2_64"] = BigInteger.Pow(2, 64),
        ["big_minus_3_300"] = -BigInteger.Pow(3, 300),
        ["big_7_2000"] = BigInteger.Pow(7, 2000),
        ["float_0"] = 0.0,
        ["float_minus_1_5"] = -1.5f,
        ["float_pi"] = Math.PI,
        ["float_max"] = double.MaxValue,
        ["float_tiny"] = double.Epsilon,
        ["tuple_empty"] = ErlangTuple.Empty,
        ["tuple_ping"] = new ErlangTuple(new Atom("ping"), 1, ErlangList.Nil),
        ["tuple_300"] = new ErlangTuple([.. Enumerable.Range(1, 300).Cast<object?>()]),
        ["value_tuple"] = (new Atom("ok"), 1),
        ["nil"] = ErlangList.Nil,
        ["string_hello"] = "hello",
        ["string_unicode"] = "héllo→",
        ["list_bytes"] = new ErlangList(1, 2, 3),
        ["list_mixed"] = new ErlangList(1, new Atom("a"), 1000),
        ["list_cs"] = new List<object> { 1, new Atom("a") },
        ["list_improper"] = ErlangList.Improper([new Atom("a")], new Atom("b")),
        ["list_gen_call_tag"] = ErlangList.Improper([new Atom("alias")], RemoteRef),
        ["list_nested"] = new ErlangList(new ErlangList(1), new ErlangList(new ErlangList(2)), new ErlangTuple(ErlangList.Nil)),
        ["list_dup"] = Enumerable.Repeat(new Atom("hello"), 1000).ToArray(),
        ["binary_empty"] = Array.Empty<byte>(),
        ["binary_123"] = new Binary([1, 2, 3]),
        ["binary_bytes"] = "hi"u8.ToArray(),
        ["binary_utf8"] = Binary.FromString("héllo"),
        ["bitstring"] = Binary.BitString([1, 0x40], 3),
        ["map_empty"] = ErlangMap.Empty,
        ["map_atoms"] = new ErlangMap([new(new Atom("a"), 1), new(new Atom("b"), new ErlangList(1, 2))]),
        ["map_dictionary"] = new Dictionary<Atom, int> { [new Atom("a")] = 1 },
        ["map_tuple_key"] = new ErlangMap([new((1, 2), new Atom("x"))]),
        ["pid_local"] = ExternalTermContext.Local.LocalPid(80, 0),
        ["pid_remote"] = RemotePid,
        ["ref_remote"] = RemoteRef,
        ["port_local"] = new Port("nonode@nohost", 7, 0),
        ["record_ping"] = new Ping(RemotePid),
    };

    /// <summary>Terms C# cannot build (funs): decoding Erlang's bytes and encoding them again must
    /// give Erlang's bytes back.</summary>
    private static readonly string[] Opaque = ["opaque_export", "opaque_closure"];

    private sealed record ErlangLine(string Hex, string LatinHex, string CompressedHex, string Text);

    // One escript run serves every test of the class: starting the VM is the slow part.
    private static readonly Lazy<Task<IReadOnlyList<string>>> s_encodeRun = new(() => Escript.RunAsync("etf_golden.escript", "encode"));

    private static async Task<Dictionary<string, ErlangLine>> ErlangEncodingsAsync()
    {
        var lines = await s_encodeRun.Value;
        return lines.Select(l => l.Split(' ', 5)).ToDictionary(p => p[0], p => new ErlangLine(p[1], p[2], p[3], p[4]));
    }

    [Fact]
    public async Task Every_Erlang_term_has_a_CSharp_twin()
    {
        var erlang = await ErlangEncodingsAsync();
        Assert.Equal(erlang.Keys.Order(), Twins.Keys.Concat(Opaque).Order());
    }

    [Fact]
    public async Task Encode_gives_the_bytes_of_term_to_binary()
    {
        var erlang = await ErlangEncodingsAsync();
        var wrong = Twins
            .Where(t => Convert.ToHexString(ExternalTermFormat.Encode(t.Value)) != erlang[t.Key].Hex)
            .Select(t => $"{t.Key}: C# {Convert.ToHexString(ExternalTermFormat.Encode(t.Value))}, Erlang {erlang[t.Key].Hex}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Decode_of_term_to_binary_gives_the_twin_in_every_form()
    {
        var erlang = await ErlangEncodingsAsync();
        // The long list really is compressed (tag 80), so the zlib path is exercised.
        Assert.StartsWith("8350", erlang["list_dup"].CompressedHex);
        var wrong = new List<string>();
        foreach (var (name, twin) in Twins)
            foreach (var hex in new[] { erlang[name].Hex, erlang[name].LatinHex, erlang[name].CompressedHex })
            {
                var decoded = ExternalTermFormat.Decode(Convert.FromHexString(hex));
                if (!TermEquality.Default.Equals(twin, decoded)) wrong.Add($"{name}: decoded {decoded} from {hex[..Math.Min(hex.Length, 60)]}");
            }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Funs_travel_back_byte_for_byte()
    {
        var erlang = await ErlangEncodingsAsync();
        foreach (var name in Opaque)
        {
            var fun = Assert.IsType<Fun>(ExternalTermFormat.Decode(Convert.FromHexString(erlang[name].Hex)));
            Assert.Equal(erlang[name].Hex, Convert.ToHexString(ExternalTermFormat.Encode(fun)));
        }
    }

    [Fact]
    public async Task Binary_to_term_of_the_CSharp_bytes_is_the_same_term()
    {
        var erlang = await ErlangEncodingsAsync();
        var input = new StringBuilder();
        foreach (var (name, twin) in Twins) input.Append(name).Append(' ').Append(Convert.ToHexString(ExternalTermFormat.Encode(twin))).Append('\n');
        foreach (var name in Opaque)
            input.Append(name).Append(' ').Append(Convert.ToHexString(ExternalTermFormat.Encode(ExternalTermFormat.Decode(Convert.FromHexString(erlang[name].Hex))))).Append('\n');
        var file = Path.Combine(Path.GetTempPath(), $"etf-golden-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, input.ToString(), TestContext.Current.CancellationToken);
        try
        {
            var printed = await Escript.RunAsync("etf_golden.escript", "decode", file);
            var expected = Twins.Keys.Concat(Opaque).Select(name => $"{name} same {erlang[name].Text}");
            Assert.Equal(expected, printed);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
