using System.Collections.Immutable;
using Otp.Crdts;
using Otp.Crdts.Causality;

namespace Lab08.Crdts;

/// <summary>Task 3: a multi-value register: concurrent writes are all kept until a write that saw them.</summary>
public sealed class MultiValueRegister
{
    private MultiValueRegister(ImmutableSortedDictionary<Dot, string> writes, CausalContext context)
    {
        Writes = writes;
        Context = context;
    }

    /// <summary>No write yet.</summary>
    public static MultiValueRegister Empty { get; } = new(ImmutableSortedDictionary<Dot, string>.Empty, CausalContext.Empty);

    /// <summary>The writes kept, by dot.</summary>
    public ImmutableSortedDictionary<Dot, string> Writes { get; }

    /// <summary>Every write this state has seen.</summary>
    public CausalContext Context { get; }

    /// <summary>The values of the writes kept, sorted (ordinal).</summary>
    public ImmutableSortedSet<string> Values => ImmutableSortedSet.CreateRange(StringComparer.Ordinal, Writes.Values);

    /// <summary>Writes <paramref name="value"/> at <paramref name="replica"/>, replacing every write seen.</summary>
    public MultiValueRegister Set(ReplicaId replica, string value)
    {
        var dot = Context.Next(replica);
        return new(ImmutableSortedDictionary<Dot, string>.Empty.Add(dot, value), Context.Add(dot));
    }

    /// <summary>The join, by the same dot rule as the add-wins set.</summary>
    public MultiValueRegister Merge(MultiValueRegister other)
    {
        var kept = Writes.Where(kv => other.Writes.ContainsKey(kv.Key) || !other.Context.Contains(kv.Key))
            .Concat(other.Writes.Where(kv => !Writes.ContainsKey(kv.Key) && !Context.Contains(kv.Key)));
        return new(ImmutableSortedDictionary<Dot, string>.Empty.AddRange(kept), Context.Merge(other.Context));
    }
}
