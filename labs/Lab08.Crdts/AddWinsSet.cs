using System.Collections.Immutable;
using Otp.Crdts;
using Otp.Crdts.Causality;

namespace Lab08.Crdts;

/// <summary>Task 2: an add-wins set with dots and a causal context, without tombstones.</summary>
public sealed class AddWinsSet
{
    private AddWinsSet(ImmutableSortedDictionary<string, ImmutableSortedSet<Dot>> entries, CausalContext context)
    {
        Entries = entries;
        Context = context;
    }

    /// <summary>The empty set.</summary>
    public static AddWinsSet Empty { get; } = new(ImmutableSortedDictionary.Create<string, ImmutableSortedSet<Dot>>(StringComparer.Ordinal), CausalContext.Empty);

    /// <summary>Each present element and the dots of the adds that keep it there.</summary>
    public ImmutableSortedDictionary<string, ImmutableSortedSet<Dot>> Entries { get; }

    /// <summary>Every add this state has seen.</summary>
    public CausalContext Context { get; }

    /// <summary>The elements present.</summary>
    public ImmutableSortedSet<string> Elements => throw new NotImplementedException("Task 2 is not written yet: see README, task 2");

    /// <summary>Adds <paramref name="element"/> with a new dot of <paramref name="replica"/>; the element's older dots go.</summary>
    public AddWinsSet Add(ReplicaId replica, string element) => throw new NotImplementedException("Task 2 is not written yet: see README, task 2");

    /// <summary>Removes <paramref name="element"/>: its dots go, the context remembers them.</summary>
    public AddWinsSet Remove(string element) => throw new NotImplementedException("Task 2 is not written yet: see README, task 2");

    /// <summary>The join: a dot stays if both sides have it, or if the side without it never saw it.</summary>
    public AddWinsSet Merge(AddWinsSet other) => throw new NotImplementedException("Task 2 is not written yet: see README, task 2");
}
