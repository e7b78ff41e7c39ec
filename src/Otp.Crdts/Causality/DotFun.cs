using System.Collections.Immutable;

namespace Otp.Crdts.Causality;

/// <summary>
/// A map from dots to values: the store of a multi-value register, where each write is a dot
/// carrying the value written. A dot names one write, so both sides always agree on its value.
/// </summary>
/// <typeparam name="TValue">The values written.</typeparam>
public sealed class DotFun<TValue> : DotStore
{
    private DotFun(ImmutableSortedDictionary<Dot, TValue> entries) => Entries = entries;

    /// <summary>The empty store.</summary>
    public static DotFun<TValue> Empty { get; } = new(Order.EmptyDict<Dot, TValue>());

    /// <summary>A store with one write.</summary>
    public static DotFun<TValue> Of(Dot dot, TValue value) => new(Empty.Entries.Add(dot, value));

    /// <summary>The writes, by dot.</summary>
    public ImmutableSortedDictionary<Dot, TValue> Entries { get; }

    /// <inheritdoc/>
    public override bool IsEmpty => Entries.IsEmpty;
    /// <inheritdoc/>
    public override IEnumerable<Dot> Dots => Entries.Keys;
    /// <inheritdoc/>
    public override DotStore EmptyLike() => Empty;

    /// <inheritdoc/>
    public override DotStore Join(CausalContext mine, DotStore other, CausalContext theirs)
    {
        var o = Same<DotFun<TValue>>(other);
        var r = Entries.Where(kv => o.Entries.ContainsKey(kv.Key) || !theirs.Contains(kv.Key))
            .Concat(o.Entries.Where(kv => !Entries.ContainsKey(kv.Key) && !mine.Contains(kv.Key)));
        return new DotFun<TValue>(Empty.Entries.AddRange(r));
    }

    /// <inheritdoc/>
    public override bool Equals(DotStore? other) => other is DotFun<TValue> o && Structural.DictEquals(Entries, o.Entries);
    /// <inheritdoc/>
    public override int GetHashCode() => Structural.DictHash(Entries);
    /// <summary>Lasp's text: <c>[{{a,1},v}]</c>.</summary>
    public override string ToString() => Structural.Dict(Entries);
}
