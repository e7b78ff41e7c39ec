using CsCheck;
using Otp.Crdts.Counters;
using Otp.Crdts.Flags;
using Otp.Crdts.Maps;
using Otp.Crdts.Registers;
using Otp.Crdts.Sets;

namespace Otp.Crdts.Tests.Models;

/// <summary>Each type against its model: what a reader must see, sequentially and after concurrent updates.</summary>
public sealed class ModelTests
{
    private static readonly string[] Elements = ["bar", "baz", "foo", "qux"];
    private static readonly ReplicaId[] Replicas = ["a", "b", "c"];

    // (replica, add?, element) — a random script of set operations.
    private static readonly Gen<(int R, bool Add, int E)[]> Script =
        Gen.Select(Gen.Int[0, 2], Gen.Bool, Gen.Int[0, 3]).Array[0, 20];

    [Fact]
    public void Add_wins_sets_behave_as_a_set_sequentially() =>
        Script.Sample(script =>
        {
            var model = new SortedSet<string>(StringComparer.Ordinal);
            var aw = AWSet<string>.Empty;
            var or = ORSet<string>.Empty;
            var ps = AWSetWithProvenance<string>.Empty;
            foreach (var (r, add, e) in script)
            {
                if (add) { model.Add(Elements[e]); aw = aw.Add(Replicas[r], Elements[e]); or = or.Add(Replicas[r], Elements[e]); ps = ps.Add(Replicas[r], Elements[e]); }
                else { model.Remove(Elements[e]); aw = aw.Remove(Elements[e]); or = or.Remove(Elements[e]); ps = ps.Remove(Elements[e]); }
            }
            Assert.Equal(model, aw.Value);
            Assert.Equal(model, or.Value);
            Assert.Equal(model, ps.Value);
        }, iter: 200, threads: 1);

    [Fact]
    public void An_add_concurrent_with_a_remove_wins() =>
        Gen.Select(Script, Gen.Int[0, 3]).Sample((script, e) =>
        {
            var aw = AWSet<string>.Empty;
            var or = ORSet<string>.Empty;
            var map = AWMap<string, EWFlag>.Empty;
            foreach (var (r, add, x) in script)
                if (add) { aw = aw.Add(Replicas[r], Elements[x]); or = or.Add(Replicas[r], Elements[x]); map = map.Apply(Elements[x], f => f.Enable(Replicas[r])); }
            var el = Elements[e];
            Assert.Contains(el, aw.Add("a", el).Merge(aw.Remove(el)).Value);
            Assert.Contains(el, or.Add("a", el).Merge(or.Remove(el)).Value);
            Assert.Contains(el, map.Apply(el, f => f.Enable("a")).Merge(map.Remove(el)).Keys);
            // Two removes of what was seen leave nothing, whatever the order.
            Assert.DoesNotContain(el, aw.Remove(el).Merge(aw.Remove(el)).Value);
        }, iter: 200, threads: 1);

    [Fact]
    public void Enable_wins_and_disable_wins() =>
        Gen.Select(Gen.Bool.Array[0, 8], Gen.Int[0, 2], Gen.Int[1, 2]).Sample((history, r, d) =>
        {
            var ew = EWFlag.Empty;
            var dw = DWFlag.Empty;
            foreach (var on in history)
            {
                ew = on ? ew.Enable(Replicas[r]) : ew.Disable();
                dw = on ? dw.Enable() : dw.Disable(Replicas[r]);
            }
            var other = Replicas[(r + d) % 3];
            Assert.True(ew.Enable(Replicas[r]).Merge(ew.Disable()).Value);
            Assert.True(ew.Disable().Merge(ew.Enable(other)).Value);
            Assert.False(dw.Enable().Merge(dw.Disable(other)).Value);
        }, iter: 200, threads: 1);

    [Fact]
    public void Counters_count_every_update_once_after_merging() =>
        Gen.Select(Gen.Int[0, 2], Gen.Bool, Gen.Int[1, 5]).Array[0, 30].Sample(updates =>
        {
            var replicas = new[] { PNCounter.Empty, PNCounter.Empty, PNCounter.Empty };
            var lex = new[] { LexCounter.Empty, LexCounter.Empty, LexCounter.Empty };
            long model = 0;
            foreach (var (r, up, n) in updates)
            {
                model += up ? n : -n;
                replicas[r] = up ? replicas[r].Increment(Replicas[r], n) : replicas[r].Decrement(Replicas[r], n);
                lex[r] = up ? lex[r].Increment(Replicas[r], n) : lex[r].Decrement(Replicas[r], n);
                // Gossip now and then: merging twice must not count twice.
                replicas[(r + 1) % 3] = replicas[(r + 1) % 3].Merge(replicas[r]);
                lex[(r + 1) % 3] = lex[(r + 1) % 3].Merge(lex[r]);
            }
            Assert.Equal(model, replicas.Aggregate((x, y) => x.Merge(y)).Value);
            Assert.Equal(model, lex.Aggregate((x, y) => x.Merge(y)).Value);
        }, iter: 200, threads: 1);

    [Fact]
    public void A_bounded_counter_never_goes_below_zero() =>
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 2]).Array[0, 40].Sample(steps =>
        {
            var replicas = new[] { BoundedCounter.Empty, BoundedCounter.Empty, BoundedCounter.Empty };
            foreach (var (r, op, other) in steps)
            {
                try
                {
                    replicas[r] = op switch
                    {
                        0 => replicas[r].Increment(Replicas[r]),
                        1 => replicas[r].Decrement(Replicas[r]),
                        2 => other == r ? replicas[r] : replicas[r].Move(Replicas[r], Replicas[other]),
                        _ => replicas[r].Merge(replicas[other]),
                    };
                }
                catch (InsufficientRightsException) { }
                // Concurrent decrements at different replicas spend different rights, so even the
                // join of every replica's state stays at or above zero.
                Assert.True(replicas.Aggregate((x, y) => x.Merge(y)).Value >= 0);
                Assert.All(Replicas, id => Assert.True(replicas.Aggregate((x, y) => x.Merge(y)).Rights(id) >= 0));
            }
        }, iter: 200, threads: 1);

    [Fact]
    public void Registers_lww_keeps_the_largest_write_mv_keeps_the_concurrent_ones() =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 3]).Sample((t0, t1, t2) =>
        {
            var ts = new long[] { t0, t1, t2 };
            var lww = Enumerable.Range(0, 3).Select(i => LwwRegister<string>.Empty.Set(ts[i], Replicas[i], Elements[i])).ToArray();
            var winner = Enumerable.Range(0, 3).MaxBy(i => (ts[i], i));
            Assert.Equal(Elements[winner], lww.Aggregate((x, y) => x.Merge(y)).Value);
            Assert.Equal(Elements[winner], lww.Reverse().Aggregate((x, y) => x.Merge(y)).Value);

            var shared = MVRegister<string>.Empty.Set("a", "old");
            var mv = Enumerable.Range(0, 3).Select(i => shared.Set(Replicas[i], Elements[i])).Aggregate((x, y) => x.Merge(y));
            Assert.Equal("[bar,baz,foo]", Show.Term(mv.Value));
            var map = Enumerable.Range(0, 3).Select(i => MVMap<string, string>.Empty.Set(Replicas[i], "k", Elements[i])).Aggregate((x, y) => x.Merge(y));
            Assert.Equal(3, map.Value["k"].Count);
        }, iter: 100, threads: 1);
}
