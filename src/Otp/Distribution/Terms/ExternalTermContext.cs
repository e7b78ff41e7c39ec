namespace Otp.Distribution.Terms;

/// <summary>
/// The codec's context for a node that is not (or not yet) in a cluster, and the base of a
/// distributed node's context: local pids and references travel under a fixed, reversible
/// numbering, so a term that leaves this node and comes back equals what was sent.
/// </summary>
/// <remarks>
/// A local pid's number is split into the wire's id (low 32 bits) and serial (high 32 bits). A
/// local reference travels as three words: the low and high halves of its number, then 1 for a
/// reference made outside any process and 0 otherwise. A decoded pid or reference of this node
/// is rebuilt without its live process; a node overrides <see cref="LocalPid"/> to attach it.
/// </remarks>
/// <param name="nodeName">This node's full name.</param>
/// <param name="creation">This node's creation (never 0 on a real cluster: OTP treats 0 as reserved).</param>
/// <param name="records">Records to rebuild when decoding, or null.</param>
public class ExternalTermContext(Atom nodeName, uint creation, TermRecords? records = null) : IExternalTermContext
{
    /// <summary>The context of a node without a name: <c>nonode@nohost</c>, creation 0, as in
    /// <c>erl</c> started without <c>-sname</c>.</summary>
    public static ExternalTermContext Local { get; } = new(new Atom("nonode@nohost"), 0);

    /// <inheritdoc/>
    public Atom NodeName { get; } = nodeName;

    /// <inheritdoc/>
    public uint Creation { get; } = creation;

    /// <inheritdoc/>
    public TermRecords? Records { get; } = records;

    /// <inheritdoc/>
    public virtual (uint Id, uint Serial) PidIdentity(Pid local) => ((uint)local.Number, (uint)(local.Number >> 32));

    /// <inheritdoc/>
    public virtual Pid LocalPid(uint id, uint serial) => new(0, id | ((long)serial << 32), null);

    /// <inheritdoc/>
    public virtual int RefIdentity(Ref local, Span<uint> ids)
    {
        ids[0] = (uint)local.Number;
        ids[1] = (uint)(local.Number >> 32);
        ids[2] = local.IsOutside ? 1u : 0u;
        return 3;
    }

    /// <inheritdoc/>
    public virtual Ref LocalRef(ReadOnlySpan<uint> ids)
    {
        // Only the three-word shape RefIdentity writes names a local reference; any other
        // reference claiming this node was never made here and must not equal one that was.
        if (ids.Length == 3 && ids[2] <= 1)
            return new Ref(ids[0] | ((long)ids[1] << 32), 0, outside: ids[2] == 1);
        return Ref.Remote(NodeName, Creation, ids);
    }
}
