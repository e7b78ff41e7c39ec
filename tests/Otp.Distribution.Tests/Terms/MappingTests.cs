using System.Numerics;
using Otp.Distribution.Terms;

namespace Otp.Distribution.Tests.Terms;

/// <summary>The C# side of the mapping: what each C# value becomes, records, patterns, and how
/// pids and references of this node travel.</summary>
public class MappingTests
{
    private static object RoundTrip(object? term, IExternalTermContext? context = null) =>
        ExternalTermFormat.Decode(ExternalTermFormat.Encode(term, context), context);

    [Fact]
    public void Decoded_tuples_match_CSharp_positional_patterns()
    {
        var from = Pid.Remote("ping@127.0.0.1", 90, 0, 3);
        object message = RoundTrip((new Atom("ping"), from));
        Assert.True(message is (Atom { Name: "ping" }, Pid sender) && sender == from);

        var typed = Assert.IsType<ErlangTuple>(RoundTrip((new Atom("reading"), "t1", 21)));
        Assert.True(typed is (Atom, ErlangList, int n) && n == 21);
        var (tag, rest) = Assert.IsType<ErlangTuple>(RoundTrip((new Atom("ok"), 1)));
        Assert.Equal((new Atom("ok"), 1), (tag, rest));
    }

    [Fact]
    public void Integers_decode_as_the_smallest_of_int_long_and_BigInteger()
    {
        Assert.IsType<int>(RoundTrip(7L));
        Assert.IsType<int>(RoundTrip(new BigInteger(-70000)));
        Assert.IsType<long>(RoundTrip(1L << 40));
        Assert.IsType<BigInteger>(RoundTrip(BigInteger.Pow(2, 63)));
        Assert.Equal(BigInteger.Pow(2, 63), RoundTrip(BigInteger.Pow(2, 63)));
    }

    [Fact]
    public void Null_bool_and_strings_follow_the_documented_mapping()
    {
        Assert.Equal(new Atom("undefined"), RoundTrip(null));
        Assert.Equal(new Atom("true"), RoundTrip(true));
        // A C# string is an Erlang string, a list of code points; Binary.FromString is the
        // Elixir-style alternative.
        var list = Assert.IsType<ErlangList>(RoundTrip("héllo→"));
        Assert.True(list.TryGetString(out var text));
        Assert.Equal("héllo→", text);
        Assert.Equal(Binary.FromString("hi"), RoundTrip(Binary.FromString("hi")));
        Assert.Equal(ErlangList.Nil, RoundTrip(""));
    }

    [Fact]
    public void A_record_travels_as_its_tagged_tuple_and_comes_back_when_registered()
    {
        var from = Pid.Remote("ping@127.0.0.1", 90, 0, 3);
        var bytes = ExternalTermFormat.Encode(new Ping(from));
        Assert.Equal(ExternalTermFormat.Encode(new ErlangTuple(new Atom("ping"), from)), bytes);

        Assert.IsType<ErlangTuple>(ExternalTermFormat.Decode(bytes));
        var context = new ExternalTermContext("cs@127.0.0.1", 1, new TermRecords().Register<Ping>().Register<Reading>());
        Assert.Equal(new Ping(from), ExternalTermFormat.Decode(bytes, context));
    }

    [Fact]
    public void Record_fields_convert_from_the_terms_Erlang_sends()
    {
        var context = new ExternalTermContext("cs@127.0.0.1", 1, new TermRecords().Register<Reading>());
        // {reading, "t1", 21, <<"ok">>} as Erlang would write it; an Elixir binary works for the string too.
        var reading = Assert.IsType<Reading>(RoundTrip(new ErlangTuple(new Atom("reading"), "t1", 21, Binary.FromString("ok")), context));
        Assert.Equal(("t1", 21L), (reading.Sensor, reading.Value));
        Assert.Equal("ok"u8.ToArray(), reading.Note);
        Assert.Null(Assert.IsType<Reading>(RoundTrip(new ErlangTuple(new Atom("reading"), Binary.FromString("t2"), 1, null), context)).Note);
        // A field that does not fit keeps the tuple as it came: nothing is lost.
        Assert.IsType<ErlangTuple>(RoundTrip(new ErlangTuple(new Atom("reading"), new Atom("t1"), 21, null), context));
    }

    [Fact]
    public void Registering_two_records_for_one_tag_and_size_is_refused()
    {
        var records = new TermRecords().Register<Ping>();
        Assert.Throws<ArgumentException>(() => records.Register<OtherPing>());
        Assert.Throws<ArgumentException>(() => records.Register<string>());
    }

    [Fact]
    public void A_live_local_pid_and_ref_come_back_equal_and_print_as_before()
    {
        using var node = Node.StartDeterministic();
        var pid = node.Spawn(async _ => { });
        var reference = Ref.Make();
        var context = new ExternalTermContext("cs@127.0.0.1", 7);

        var back = Assert.IsType<ErlangTuple>(RoundTrip((pid, reference), context));
        Assert.Equal(pid, back[0]);
        Assert.Equal(reference, back[1]);
        Assert.Equal(pid.ToString(), back[0]!.ToString());
        Assert.Matches(@"^<0\.\d+\.0>$", pid.ToString());
        Assert.True(((Pid)back[0]!).IsLocal);
    }

    [Fact]
    public void A_pid_of_an_earlier_incarnation_of_this_node_stays_remote()
    {
        var then = new ExternalTermContext("cs@127.0.0.1", 7);
        var now = new ExternalTermContext("cs@127.0.0.1", 8);
        var local = then.LocalPid(42, 0);
        var decoded = Assert.IsType<Pid>(ExternalTermFormat.Decode(ExternalTermFormat.Encode(local, then), now));
        Assert.False(decoded.IsLocal);
        Assert.NotEqual(now.LocalPid(42, 0), decoded);
        Assert.Equal("<cs@127.0.0.1.42.0>", decoded.ToString());
    }

    [Fact]
    public void Remote_pids_and_refs_compare_by_every_part()
    {
        Assert.Equal(Pid.Remote("a@h", 1, 2, 3), Pid.Remote("a@h", 1, 2, 3));
        Assert.NotEqual(Pid.Remote("a@h", 1, 2, 3), Pid.Remote("a@h", 1, 2, 4));
        Assert.NotEqual(Pid.Remote("a@h", 1, 2, 3), Pid.Remote("b@h", 1, 2, 3));
        Assert.NotEqual(Ref.Remote("a@h", 3, [1, 2, 3]), Ref.Remote("a@h", 3, [1, 2, 4]));
        Assert.Equal("#Ref<a@h.3.2.1>", Ref.Remote("a@h", 3, [1, 2, 3]).ToString());
        Assert.True(Pid.Outside.CompareTo(Pid.Remote("a@h", 0, 0, 0)) < 0);
    }

    [Fact]
    public void Maps_compare_by_content_with_any_keys()
    {
        var a = new ErlangMap([new(new ErlangTuple(1, 2), "x"), new(new Binary([1]), 2L)]);
        var b = new ErlangMap([new(new Binary([1]), 2), new((1, 2), new ErlangList('x'))]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(TermEquality.Default.Equals("x", b[new ErlangTuple(1L, 2L)]));
        Assert.Equal(2, b[new Binary([1])]);
        Assert.Equal("#{{1,2} => \"x\",<<1>> => 2}", a.ToString());
    }

    [Fact]
    public void Improper_lists_print_and_compare_as_in_Erlang()
    {
        var tag = ErlangList.Improper([new Atom("alias")], Ref.Remote("a@h", 3, [1, 2, 3]));
        Assert.Equal("[alias|#Ref<a@h.3.2.1>]", tag.ToString());
        Assert.False(tag.IsProper);
        Assert.Equal(new ErlangList(1, 2, 3), ErlangList.Improper([1], new[] { 2, 3 }));
        Assert.NotEqual(new ErlangList(1, 2), ErlangList.Improper([1], 2));
    }
}

[ErlangRecord("ping")]
public sealed record OtherPing(Pid Sender);
