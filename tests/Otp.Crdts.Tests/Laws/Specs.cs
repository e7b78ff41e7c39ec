using Otp.Crdts.Counters;
using Otp.Crdts.Flags;
using Otp.Crdts.Maps;
using Otp.Crdts.Registers;
using Otp.Crdts.Sets;

namespace Otp.Crdts.Tests.Laws;

/// <summary>Every type of the catalogue, with how random numbers drive its operations.</summary>
public static class Specs
{
    private static readonly string[] Elements = ["bar", "baz", "foo", "qux"];

    public static readonly ISpec[] All =
    [
        new Spec<GCounter>("GCounter", 1, (s, _, r, a) => (s.Increment(r, a + 1), s.IncrementDelta(r, a + 1)), s => s.Value),
        new Spec<PNCounter>("PNCounter", 2, (s, op, r, a) => op == 0
            ? (s.Increment(r, a + 1), s.IncrementDelta(r, a + 1))
            : (s.Decrement(r, a + 1), s.DecrementDelta(r, a + 1)), s => s.Value),
        new Spec<MaxInt>("MaxInt", 1, (s, _, _, _) => (s.Increment(), s.IncrementDelta()), s => s.Value),
        new Spec<LexCounter>("LexCounter", 2, (s, op, r, a) => op == 0
            ? (s.Increment(r, a + 1), s.IncrementDelta(r, a + 1))
            : (s.Decrement(r, a + 1), s.DecrementDelta(r, a + 1)), s => s.Value),
        new Spec<BoundedCounter>("BoundedCounter", 3, BoundedStep, s => s.Value),
        // Timestamps 0..3 collide on purpose: ties are where Lasp's merge stops commuting.
        new Spec<LwwRegister<string>>("LwwRegister", 1, (s, _, r, a) => (s.Set(a, r, Elements[a]), s.SetDelta(a, r, Elements[a])), s => s.Value),
        new Spec<MVRegister<string>>("MVRegister", 1, (s, _, r, a) => (s.Set(r, Elements[a]), s.SetDelta(r, Elements[a])), s => s.Value),
        new Spec<IVar<string>>("IVar", 1, (s, _, _, a) => (s.Set(Elements[a]), s.SetDelta(Elements[a])), s => s.Value),
        new Spec<BooleanFlag>("BooleanFlag", 1, (s, _, _, _) => (s.Enable(), s.EnableDelta()), s => s.Value),
        new Spec<EWFlag>("EWFlag", 2, (s, op, r, _) => op == 0 ? (s.Enable(r), s.EnableDelta(r)) : (s.Disable(), s.DisableDelta()), s => s.Value),
        new Spec<DWFlag>("DWFlag", 2, (s, op, r, _) => op == 0 ? (s.Disable(r), s.DisableDelta(r)) : (s.Enable(), s.EnableDelta()), s => s.Value),
        new Spec<GSet<string>>("GSet", 1, (s, _, _, a) => (s.Add(Elements[a]), s.AddDelta(Elements[a])), s => s.Value),
        new Spec<TwoPhaseSet<string>>("TwoPhaseSet", 2, (s, op, _, a) => op == 0
            ? (s.Add(Elements[a]), s.AddDelta(Elements[a]))
            : (s.Remove(Elements[a]), s.RemoveDelta(Elements[a])), s => s.Value),
        new Spec<ORSet<string>>("ORSet", 2, (s, op, r, a) => op == 0
            ? (s.Add(r, Elements[a]), s.AddDelta(r, Elements[a]))
            : (s.Remove(Elements[a]), s.RemoveDelta(Elements[a])), s => s.Value),
        new Spec<AWSet<string>>("AWSet", 2, (s, op, r, a) => op == 0
            ? (s.Add(r, Elements[a]), s.AddDelta(r, Elements[a]))
            : (s.Remove(Elements[a]), s.RemoveDelta(Elements[a])), s => s.Value),
        new Spec<AWSetWithProvenance<string>>("AWSetWithProvenance", 2, (s, op, r, a) => op == 0
            ? (s.Add(r, Elements[a]), s.AddDelta(r, Elements[a]))
            : (s.Remove(Elements[a]), s.RemoveDelta(Elements[a])), s => s.Value),
        new Spec<GMap<string, GCounter>>("GMap<GCounter>", 1, (s, _, r, a) =>
            (s.Apply(Elements[a], c => c.Increment(r)), s.ApplyDelta(Elements[a], c => c.IncrementDelta(r))), s => s.Value.ToDictionary(kv => kv.Key, kv => kv.Value.Value)),
        new Spec<AWMap<string, AWSet<string>>>("AWMap<AWSet>", 3, (s, op, r, a) => op switch
        {
            0 => (s.Apply(Elements[a], v => v.Add(r, Elements[3 - a])), s.ApplyDelta(Elements[a], v => v.AddDelta(r, Elements[3 - a]))),
            1 => (s.Apply(Elements[a % 2], v => v.Remove(Elements[3 - a])), s.ApplyDelta(Elements[a % 2], v => v.RemoveDelta(Elements[3 - a]))),
            _ => (s.Remove(Elements[a]), s.RemoveDelta(Elements[a])),
        }, s => s.Value.ToDictionary(kv => kv.Key, kv => kv.Value.Value)),
        new Spec<AWMap<string, EWFlag>>("AWMap<EWFlag>", 3, (s, op, r, a) => op switch
        {
            0 => (s.Apply(Elements[a], v => v.Enable(r)), s.ApplyDelta(Elements[a], v => v.EnableDelta(r))),
            1 => (s.Apply(Elements[a], v => v.Disable()), s.ApplyDelta(Elements[a], v => v.DisableDelta())),
            _ => (s.Remove(Elements[a]), s.RemoveDelta(Elements[a])),
        }, s => s.Value.ToDictionary(kv => kv.Key, kv => kv.Value.Value)),
        new Spec<MVMap<string, string>>("MVMap", 2, (s, op, r, a) => op == 0
            ? (s.Set(r, Elements[a % 2], Elements[a]), s.SetDelta(r, Elements[a % 2], Elements[a]))
            : (s.Remove(Elements[a % 2]), s.RemoveDelta(Elements[a % 2])), s => s.Value),
        new Spec<Pair<GCounter, GSet<string>>>("Pair<GCounter,GSet>", 2, (s, op, r, a) => op == 0
            ? (s.ApplyFirst(c => c.Increment(r)), s.ApplyFirstDelta(c => c.IncrementDelta(r)))
            : (s.ApplySecond(g => g.Add(Elements[a])), s.ApplySecondDelta(g => g.AddDelta(Elements[a]))), s => (s.First.Value, s.Second.Value)),
    ];

    private static (BoundedCounter, BoundedCounter)? BoundedStep(BoundedCounter s, int op, ReplicaId r, int a)
    {
        try
        {
            return op switch
            {
                0 => (s.Increment(r, a + 1), s.IncrementDelta(r, a + 1)),
                1 => (s.Decrement(r, a % 2 + 1), s.DecrementDelta(r, a % 2 + 1)),
                _ => (s.Move(r, Harness.Replicas[a % 3] == r ? Harness.Replicas[(a + 1) % 3] : Harness.Replicas[a % 3], 1),
                      s.MoveDelta(r, Harness.Replicas[a % 3] == r ? Harness.Replicas[(a + 1) % 3] : Harness.Replicas[a % 3], 1)),
            };
        }
        catch (InsufficientRightsException)
        {
            return null;
        }
    }

    public static TheoryData<string> Names => new(All.Select(s => s.Name));

    public static ISpec Named(string name) => All.Single(s => s.Name == name);
}
