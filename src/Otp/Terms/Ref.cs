namespace Otp;

/// <summary>
/// A unique reference, Erlang's <c>make_ref()</c>: used to tag requests and monitors so that a
/// reply can be told apart from every other message. Prints as <c>#Ref&lt;0.0.0.N&gt;</c>.
/// </summary>
/// <remarks>
/// <para>References made by processes are numbered per node, from 1, so that a deterministic run
/// prints the same references every time. References made outside any process
/// (<see cref="Make"/>) come from a separate series and print as <c>#Ref&lt;0.0.1.N&gt;</c>;
/// they never equal a process's reference.</para>
/// <para>A reference made by a process also remembers how far that process's mailbox had got when it
/// was made. A receive for a message that carries the reference can then skip every message that
/// arrived earlier (they cannot contain it), which keeps request/reply fast however long the
/// mailbox is: the same trick the Erlang compiler applies to <c>make_ref()</c> and <c>monitor/2</c>.</para>
/// <para>A reference made by another node (<see cref="Remote"/>) carries what the External Term
/// Format carries: the node's name, its creation and up to five 32-bit id words. It prints as
/// <c>#Ref&lt;node@host.W2.W1.W0&gt;</c> (Erlang prints a node-table index where this prints the
/// name).</para>
/// </remarks>
public sealed class Ref : IEquatable<Ref>
{
    private static long s_nextOutside;

    internal Ref(long number, long mailboxMark, bool outside = false)
    {
        Number = number;
        MailboxMark = mailboxMark;
        IsOutside = outside;
    }

    private Ref(Atom node, uint creation, uint[] ids)
    {
        RemoteNode = node;
        Creation = creation;
        _ids = ids;
        Number = ids.Length > 1 ? ids[0] | ((long)ids[1] << 32) : ids.Length == 1 ? ids[0] : 0;
    }

    private readonly uint[]? _ids;

    /// <summary>Makes a reference outside any process (no mailbox mark).</summary>
    public static Ref Make() => new(Interlocked.Increment(ref s_nextOutside), 0, outside: true);

    /// <summary>The reference's number, unique among the references of its node (or among those
    /// made outside any process).</summary>
    public long Number { get; }

    internal bool IsOutside { get; }

    /// <summary>A reference made by another node, as it travels in the External Term Format.</summary>
    /// <param name="nodeName">The node's full name.</param>
    /// <param name="creation">The incarnation of that node that made the reference.</param>
    /// <param name="ids">The id words, lowest first (1 to 5 of them).</param>
    /// <exception cref="ArgumentException">No id words, or more than five.</exception>
    public static Ref Remote(Atom nodeName, uint creation, ReadOnlySpan<uint> ids)
    {
        if (ids.Length is < 1 or > 5) throw new ArgumentException($"a reference has 1 to 5 id words, not {ids.Length}", nameof(ids));
        return new Ref(nodeName, creation, ids.ToArray());
    }

    /// <summary>The node of a remote reference; null for a reference of this node.</summary>
    public Atom? RemoteNode { get; }

    /// <summary>The creation of a remote reference's node; 0 for a local reference.</summary>
    public uint Creation { get; }

    /// <summary>The id words of a remote reference, lowest first; empty for a local reference
    /// (the codec's context gives the wire words of a local reference).</summary>
    public ReadOnlySpan<uint> RemoteIds => _ids;

    /// <summary>True for a reference of this node.</summary>
    public bool IsLocal => RemoteNode is null;

    /// <summary>Sequence number of the first message that may carry this reference.</summary>
    internal long MailboxMark { get; }

    /// <inheritdoc/>
    public bool Equals(Ref? other) =>
        other is not null && other.Number == Number && other.IsOutside == IsOutside
        && other.RemoteNode == RemoteNode && other.Creation == Creation
        && (_ids is null ? other._ids is null : other._ids is not null && _ids.AsSpan().SequenceEqual(other._ids));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Ref r && Equals(r);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        RemoteNode is { } node ? HashCode.Combine(node, Creation, Number, _ids!.Length) : HashCode.Combine(Number, IsOutside);

    /// <summary>Erlang's notation, <c>#Ref&lt;0.0.0.N&gt;</c>; a remote reference shows its node's
    /// name and its id words, highest first.</summary>
    public override string ToString() =>
        RemoteNode is { } node ? $"#Ref<{node.Name}.{string.Join('.', Enumerable.Reverse(_ids!))}>" : $"#Ref<0.0.{(IsOutside ? 1 : 0)}.{Number}>";
}
