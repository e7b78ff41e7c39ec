using System.Runtime.CompilerServices;
using Otp.Crdts;
using Otp.Crdts.Causality;
using Otp.Crdts.Maps;
using Otp.Crdts.Registers;
using Otp.KvStore.Http;

namespace Otp.KvStore.Cluster;

/// <summary>
/// A replica's state (or a delta) as an Erlang term, to travel between nodes:
/// <c>{kv_state, Context, Entries}</c> with <c>Context = [{Replica, Counter}]</c> (every dot seen) and
/// <c>Entries = [{Key, [{Replica, Counter, ContentType, Body}]}]</c> (each key's live writes).
/// Names, keys and content types are UTF-8 binaries, so an Erlang node could read them too.
/// </summary>
public static class ReplicaStateTerms
{
    private static readonly Atom s_tag = new("kv_state");

    /// <summary>The term for <paramref name="state"/>.</summary>
    public static ErlangTuple Encode(MVMap<string, StoredValue> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var context = state.Context.Dots().Select(d => (object)new ErlangTuple(Bin(d.Replica.Name), d.Counter)).ToList();
        var entries = state.Map.Keys.Select(key => (object)new ErlangTuple(Bin(key),
            new ErlangList([.. state.Map[key].Writes.Select(w =>
                (object)new ErlangTuple(Bin(w.Key.Replica.Name), w.Key.Counter, Bin(w.Value.ContentType), w.Value.Body))]))).ToList();
        return new ErlangTuple(s_tag, new ErlangList([.. context]), new ErlangList([.. entries]));
    }

    /// <summary>The state a term made by <see cref="Encode"/> stands for.</summary>
    /// <exception cref="FormatException">The term is not such a state (a malformed message from
    /// another node: the caller drops it rather than crash).</exception>
    public static MVMap<string, StoredValue> Decode(object term)
    {
        if (term is not ITuple { Length: 3 } t || t[0] is not Atom { Name: "kv_state" } || t[1] is not IEnumerable<object?> dots || t[2] is not IEnumerable<object?> entries)
            throw new FormatException("not a {kv_state, Context, Entries} term");
        var context = CausalContext.Of(dots.Select(DotOf));
        DotStore store = AWMap<string, MVRegister<StoredValue>>.EmptyStore;
        var map = (DotMap<string>)store;
        foreach (var entry in entries)
        {
            if (entry is not ITuple { Length: 2 } e || e[1] is not IEnumerable<object?> writes) throw new FormatException("bad entry");
            DotStore values = DotFun<StoredValue>.Empty;
            var seen = CausalContext.Empty;
            foreach (var write in writes)
            {
                if (write is not ITuple { Length: 4 } w) throw new FormatException("bad write");
                var dot = new Dot(new ReplicaId(Text(w[0])), Long(w[1]));
                // DotFun's constructor is its own; joining one-dot stores with disjoint contexts
                // builds the same set of writes.
                values = values.Join(seen, DotFun<StoredValue>.Of(dot, new StoredValue(Bytes(w[3]), Text(w[2]))), CausalContext.Of([dot]));
                seen = seen.Add(dot);
            }
            map = map.With(Text(e[0]), values);
        }
        return MVMap<string, StoredValue>.FromMap(AWMap<string, MVRegister<StoredValue>>.FromState(map, context));
    }

    private static Dot DotOf(object? term) =>
        term is ITuple { Length: 2 } d ? new Dot(new ReplicaId(Text(d[0])), Long(d[1])) : throw new FormatException("bad dot");

    private static byte[] Bin(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static byte[] Bytes(object? term) => term switch
    {
        byte[] b => b,
        Binary { IsBinary: true } b => b.ToArray(),
        _ => throw new FormatException("expected a binary"),
    };

    private static string Text(object? term) => System.Text.Encoding.UTF8.GetString(Bytes(term));

    private static long Long(object? term) => term switch
    {
        long l => l,
        int i => i,
        System.Numerics.BigInteger b when b >= long.MinValue && b <= long.MaxValue => (long)b,
        _ => throw new FormatException("expected an integer"),
    };
}
