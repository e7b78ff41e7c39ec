using System.Collections.Immutable;
using Otp.Crdts.Causality;

namespace Otp.Crdts.Registers;

/// <summary>
/// A multi-value register (Lasp <c>state_mvregister</c>): concurrent writes are all kept until a
/// later write, which has seen them, replaces them.
/// <list type="bullet">
/// <item>State: a <see cref="DotFun{TValue}"/> (each kept write's dot and value) and a causal context.</item>
/// <item>Operations: <see cref="Set"/> makes a new dot and drops every write this replica has seen;
/// its delta is the new write with a context of the dropped dots plus the new one.</item>
/// <item>Merge: causal (a write survives unless the other side has seen it and dropped it).</item>
/// <item>Query: the kept values, sorted.</item>
/// </list>
/// Differs from Lasp only in shape: Lasp's <c>{set, Ts, V}</c> ignores its timestamp, so there is none here.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class MVRegister<T> : CausalCrdt<MVRegister<T>>, ICausalCrdt<MVRegister<T>>, ICrdt<MVRegister<T>, ImmutableSortedSet<T>>
{
    private MVRegister(DotStore store, CausalContext context) : base(store, context) { }

    /// <summary>The register before any write: no value.</summary>
    public static MVRegister<T> Empty { get; } = new(DotFun<T>.Empty, CausalContext.Empty);

    /// <inheritdoc/>
    public static DotStore EmptyStore => DotFun<T>.Empty;

    /// <inheritdoc/>
    public static MVRegister<T> FromState(DotStore store, CausalContext context) =>
        store is DotFun<T> ? new(store, context) : throw new ArgumentException($"An MVRegister needs a DotFun<{typeof(T).Name}>, not a {store.GetType().Name}.", nameof(store));

    /// <summary>The writes kept, by dot.</summary>
    public ImmutableSortedDictionary<Dot, T> Writes => ((DotFun<T>)Store).Entries;

    /// <summary>The values of the concurrent writes kept: one after a quiet period, several after concurrent writes.</summary>
    public ImmutableSortedSet<T> Value => Order<T>.EmptySet.Union(Writes.Values);

    /// <summary>Writes <paramref name="value"/> at <paramref name="replica"/>, replacing every write this state has seen.</summary>
    public MVRegister<T> Set(ReplicaId replica, T value)
    {
        var dot = Context.Next(replica);
        return new(DotFun<T>.Of(dot, value), Context.Add(dot));
    }

    /// <summary>The delta of <see cref="Set"/>: the new write, and a context that covers the writes it replaces.</summary>
    public MVRegister<T> SetDelta(ReplicaId replica, T value)
    {
        var dot = Context.Next(replica);
        return new(DotFun<T>.Of(dot, value), CausalContext.Of(Store.Dots.Append(dot)));
    }

    /// <summary>The delta that clears the register: no write, and a context covering every write kept.</summary>
    public MVRegister<T> ResetDelta() => new(DotFun<T>.Empty, CausalContext.Of(Store.Dots));
}
