using System.Collections.Immutable;

namespace Otp.KvStore.Tests.Replication;

/// <summary>
/// Jepsen's set checker, applied to the final reads of every replica: each acknowledged write adds a
/// unique element (here a unique key with its value). From the final reads it counts acknowledged
/// writes lost (missing, or with another value, on some replica), values never written, and
/// replicas that disagree with the first one.
/// </summary>
internal static class SetChecker
{
    public sealed record Result(int Lost, int Unexpected, int Disagreeing)
    {
        public bool Valid => Lost == 0 && Unexpected == 0 && Disagreeing == 0;

        public override string ToString() => $"lost {Lost}, unexpected {Unexpected}, disagreeing replicas {Disagreeing}";
    }

    public static Result Check(
        IReadOnlyDictionary<string, string> acknowledged,
        IReadOnlySet<string> attempted,
        IReadOnlyList<ImmutableSortedDictionary<string, ImmutableSortedSet<string>>> finalReads)
    {
        var lost = 0;
        var unexpected = 0;
        foreach (var read in finalReads)
        {
            foreach (var (key, value) in acknowledged)
                if (!read.TryGetValue(key, out var values) || !values.Contains(value)) lost++;
            foreach (var (key, values) in read)
                unexpected += values.Count(v => !attempted.Contains($"{key}={v}"));
        }
        var first = finalReads[0];
        var disagreeing = finalReads.Skip(1).Count(r => !Same(r, first));
        return new Result(lost, unexpected, disagreeing);
    }

    private static bool Same(ImmutableSortedDictionary<string, ImmutableSortedSet<string>> a, ImmutableSortedDictionary<string, ImmutableSortedSet<string>> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var other) && kv.Value.SetEquals(other));
}
