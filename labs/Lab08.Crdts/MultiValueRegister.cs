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
    public ImmutableSortedSet<string> Values => throw new NotImplementedException("Task 3 is not written yet: see README, task 3");

    /// <summary>Writes <paramref name="value"/> at <paramref name="replica"/>, replacing every write seen.</summary>
    public MultiValueRegister Set(ReplicaId replica, string value) => throw new NotImplementedException("Task 3 is not written yet: see README, task 3");

    /// <summary>The join, by the same dot rule as the add-wins set.</summary>
    public MultiValueRegister Merge(MultiValueRegister other) => throw new NotImplementedException("Task 3 is not written yet: see README, task 3");
}
