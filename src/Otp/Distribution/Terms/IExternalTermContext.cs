namespace Otp.Distribution.Terms;

/// <summary>
/// What the codec needs to know about the node it encodes for and decodes on, so that it never
/// needs a running <see cref="Node"/>: the local node's name and creation, how a pid or reference
/// of this node looks on the wire, and which C# records to rebuild from tagged tuples.
/// <see cref="ExternalTermContext"/> is a ready implementation; a distributed node implements this
/// to hand out its live processes.
/// </summary>
public interface IExternalTermContext
{
    /// <summary>This node's full name (<c>nonode@nohost</c> for a node without a name).</summary>
    Atom NodeName { get; }

    /// <summary>This node's creation, from EPMD; stamped on every local pid and reference sent.</summary>
    uint Creation { get; }

    /// <summary>Records rebuilt from tagged tuples when decoding; null for none.</summary>
    TermRecords? Records => null;

    /// <summary>The wire identity of a pid of this node (<see cref="Pid.IsLocal"/>).</summary>
    (uint Id, uint Serial) PidIdentity(Pid local);

    /// <summary>The local pid a decoded pid of this node (same name and creation) stands for.</summary>
    Pid LocalPid(uint id, uint serial);

    /// <summary>Writes the wire id words of a reference of this node into <paramref name="ids"/>
    /// (room for 5) and returns how many it wrote (1 to 5).</summary>
    int RefIdentity(Ref local, Span<uint> ids);

    /// <summary>The local reference a decoded reference of this node stands for.</summary>
    Ref LocalRef(ReadOnlySpan<uint> ids);
}
