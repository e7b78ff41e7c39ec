namespace Otp.Crdts.Counters;

/// <summary>
/// A <see cref="BoundedCounter"/> replica tried to decrement or give away more rights than it holds
/// (Lasp returns <c>{error, {precondition, non_enough_permissions}}</c>). Nothing was changed.
/// </summary>
public sealed class InsufficientRightsException : InvalidOperationException
{
    /// <summary>Creates the error for <paramref name="replica"/>, which holds <paramref name="available"/> and asked for <paramref name="requested"/>.</summary>
    public InsufficientRightsException(ReplicaId replica, long available, long requested)
        : base($"Replica {replica} holds {available} right(s) and needs {requested}: not enough permissions. Move rights to it from a replica that has them, or increment first.")
    {
        Replica = replica;
        Available = available;
        Requested = requested;
    }

    /// <summary>The replica that lacked rights.</summary>
    public ReplicaId Replica { get; }
    /// <summary>The rights it holds.</summary>
    public long Available { get; }
    /// <summary>The rights the operation needed.</summary>
    public long Requested { get; }
}
