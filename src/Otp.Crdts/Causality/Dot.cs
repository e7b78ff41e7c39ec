namespace Otp.Crdts.Causality;

/// <summary>
/// One event: the <paramref name="Counter"/>-th update made by <paramref name="Replica"/> (counting
/// from 1). Dots name the writes that causal types keep, so a merge can tell "never seen" from
/// "seen and removed".
/// </summary>
/// <param name="Replica">The replica that made the update.</param>
/// <param name="Counter">Its sequence number at that replica, from 1.</param>
public readonly record struct Dot(ReplicaId Replica, long Counter) : IComparable<Dot>
{
    /// <summary>Orders by replica, then counter.</summary>
    public int CompareTo(Dot other)
    {
        var c = Replica.CompareTo(other.Replica);
        return c != 0 ? c : Counter.CompareTo(other.Counter);
    }

    /// <summary>Erlang-like text: <c>{a,3}</c>.</summary>
    public override string ToString() => $"{{{Replica},{Counter}}}";
}
