using CsCheck;

namespace Otp.Crdts.Tests.Laws;

/// <summary>One random event of a history: an operation at a replica, or a merge / delivery between replicas.</summary>
public readonly record struct Event(int Kind, int Op, int Replica, int Other, int Arg, int Pick)
{
    public static readonly Gen<Event> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 9], CsCheck.Gen.Int[0, 11], CsCheck.Gen.Int[0, 2], CsCheck.Gen.Int[0, 2], CsCheck.Gen.Int[0, 3], CsCheck.Gen.Int[0, 999],
            (k, o, r, x, a, p) => new Event(k, o, r, x, a, p));
}

/// <summary>
/// The laws every state-based CRDT must obey, checked on states reached by random histories of
/// three replicas (states from one shared history, since a replica id names one sequential actor:
/// two unrelated histories could both make event a:1 and would not be states of one system).
/// </summary>
public static class Harness
{
    public static readonly ReplicaId[] Replicas = ["a", "b", "c"];

    /// <summary>Runs ops (kinds 0-5) and merges (6-9) and returns every state reached, the empty state first.</summary>
    private static List<T> Snapshots<T>(Spec<T> spec, Event[] history) where T : ICrdt<T>
    {
        var states = new[] { T.Empty, T.Empty, T.Empty };
        var seen = new List<T> { T.Empty };
        foreach (var e in history)
        {
            if (e.Kind <= 5)
            {
                if (spec.Step(states[e.Replica], e.Op % spec.Ops, Replicas[e.Replica], e.Arg) is { } r) states[e.Replica] = r.Full;
            }
            else states[e.Replica] = states[e.Replica].Merge(states[e.Other]);
            seen.Add(states[e.Replica]);
        }
        return seen;
    }

    public static void Laws<T>(Spec<T> spec, int iterations) where T : ICrdt<T>
    {
        Gen.Select(Event.Gen.Array[0, 24], Gen.Int[0, 10_000], Gen.Int[0, 10_000], Gen.Int[0, 10_000]).Sample((history, i, j, k) =>
        {
            var s = Snapshots(spec, history);
            T x = s[i % s.Count], y = s[j % s.Count], z = s[k % s.Count];
            Same(spec, x.Merge(y), y.Merge(x), "commutative", x, y);
            Same(spec, x.Merge(y).Merge(z), x.Merge(y.Merge(z)), "associative", x, y, z);
            Same(spec, x.Merge(x), x, "idempotent", x);
            Same(spec, x.Merge(T.Empty), x, "Empty is the identity", x);
            // The join is an upper bound: merging x in again changes nothing.
            Same(spec, x.Merge(y).Merge(x), x.Merge(y), "absorbs what it has seen", x, y);
        }, iter: iterations, threads: 1);
    }

    public static void Deltas<T>(Spec<T> spec, int iterations) where T : ICrdt<T>
    {
        Gen.Select(Event.Gen.Array[1, 24], Event.Gen).Sample((history, last) =>
        {
            // Reach some state, then apply one more operation both ways.
            foreach (var before in Snapshots(spec, history).TakeLast(4))
            {
                if (spec.Step(before, last.Op % spec.Ops, Replicas[last.Replica], last.Arg) is not { } r) continue;
                Same(spec, before.Merge(r.Delta), r.Full, "delta merged == operation applied", before, r.Delta);
            }
        }, iter: iterations, threads: 1);
    }

    /// <summary>
    /// Each operation ships its delta to the two other replicas through a network that reorders,
    /// drops (kind 8) and duplicates (kind 9); a final full-state anti-entropy round repairs the
    /// losses. Every replica must end equal, and equal to the join of every delta made.
    /// </summary>
    public static void Convergence<T>(Spec<T> spec, int iterations) where T : ICrdt<T>
    {
        Event.Gen.Array[0, 40].Sample(history =>
        {
            var states = new[] { T.Empty, T.Empty, T.Empty };
            var inFlight = new List<(int To, T Delta)>();
            var all = new List<T>();
            foreach (var e in history)
            {
                if (e.Kind <= 4)
                {
                    if (spec.Step(states[e.Replica], e.Op % spec.Ops, Replicas[e.Replica], e.Arg) is not { } r) continue;
                    states[e.Replica] = r.Full;
                    all.Add(r.Delta);
                    for (var to = 0; to < 3; to++) if (to != e.Replica) inFlight.Add((to, r.Delta));
                }
                else if (inFlight.Count > 0)
                {
                    var i = e.Pick % inFlight.Count;
                    var (to, delta) = inFlight[i];
                    if (e.Kind != 9) inFlight.RemoveAt(i);
                    if (e.Kind != 8) states[to] = states[to].Merge(delta);
                }
            }
            states[0] = states[0].Merge(states[1]).Merge(states[2]);
            states[1] = states[1].Merge(states[0]);
            states[2] = states[2].Merge(states[0]);
            Same(spec, states[1], states[0], "converged after anti-entropy", states);
            Same(spec, states[2], states[0], "converged after anti-entropy", states);
            var joined = all.Aggregate(T.Empty, (acc, d) => acc.Merge(d));
            Same(spec, states[0], joined, "equal to the join of every delta");
            // The same deltas in reverse order, each twice: still the same state.
            var again = Enumerable.Reverse(all).Concat(all).Aggregate(T.Empty, (acc, d) => acc.Merge(d));
            Same(spec, again, joined, "any order, duplicates");
        }, iter: iterations, threads: 1);
    }

    private static void Same<T>(Spec<T> spec, T actual, T expected, string law, params T[] inputs) where T : ICrdt<T>
    {
        if (actual.Equals(expected) && spec.Query(actual) == spec.Query(expected)) return;
        throw new Xunit.Sdk.XunitException(
            $"{spec.Name}: {law} fails.\n  inputs: {string.Join("  |  ", inputs.Select(i => i.ToString()))}\n  got:      {actual} (query {spec.Query(actual)})\n  expected: {expected} (query {spec.Query(expected)})");
    }
}
