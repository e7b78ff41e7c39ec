namespace Otp;

/// <summary>
/// A process identifier: the address of one process on one node. Pids are compared by value
/// (node and number) and print the way Erlang prints them, for example <c>&lt;0.42.0&gt;</c>.
/// </summary>
/// <remarks>
/// <para>A pid stays valid after its process has exited: sending to it is then silently dropped,
/// exactly as in Erlang, and linking to or monitoring it yields <c>noproc</c>.</para>
/// <para>A pid of another node (<see cref="Remote"/>) carries what the External Term Format
/// carries: the node's name, the 32-bit id and serial, and the node's creation (which
/// incarnation of that node made it). It prints as <c>&lt;node@host.Id.Serial&gt;</c>: Erlang
/// prints a number there that indexes its own node table and differs from node to node, so the
/// workbook prints the name instead.</para>
/// </remarks>
public sealed class Pid : IEquatable<Pid>, IComparable<Pid>
{
    internal Pid(int node, long number, Process? process)
    {
        NodeIndex = node;
        Number = number;
        Process = process;
    }

    private Pid(Atom nodeName, uint id, uint serial, uint creation)
    {
        NodeIndex = 1;
        Number = id | ((long)serial << 32);
        RemoteNode = nodeName;
        Creation = creation;
    }

    /// <summary>The pid used as the sender of messages that come from outside any process
    /// (a test, a notebook cell): <c>&lt;0.0.0&gt;</c>.</summary>
    public static Pid Outside { get; } = new(0, 0, null);

    /// <summary>A pid of a process on another node, as it travels in the External Term Format.</summary>
    /// <param name="nodeName">The node's full name, for example <c>pong@127.0.0.1</c>.</param>
    /// <param name="id">The process id on that node (32 bits since OTP 26's V4_NC).</param>
    /// <param name="serial">The serial that extends <paramref name="id"/>.</param>
    /// <param name="creation">Which incarnation of the node made the pid; a pid of an earlier
    /// incarnation never equals one of a later incarnation.</param>
    public static Pid Remote(Atom nodeName, uint id, uint serial, uint creation) => new(nodeName, id, serial, creation);

    /// <summary>The node part: 0 for a local process, as Erlang prints it; 1 for a pid of another
    /// node (see <see cref="RemoteNode"/>).</summary>
    public int NodeIndex { get; }

    /// <summary>The process number, unique on its node. For a remote pid,
    /// <c>Id | Serial &lt;&lt; 32</c>.</summary>
    public long Number { get; }

    /// <summary>The node of a remote pid; null for a pid of this node.</summary>
    public Atom? RemoteNode { get; }

    /// <summary>True for a pid of this node.</summary>
    public bool IsLocal => RemoteNode is null;

    /// <summary>The creation of a remote pid's node; 0 for a local pid (the codec's context gives
    /// the local node's creation on the wire).</summary>
    public uint Creation { get; }

    /// <summary>The live process behind a local pid; null for remote pids and <see cref="Outside"/>.</summary>
    internal Process? Process { get; }

    /// <inheritdoc/>
    public bool Equals(Pid? other) =>
        other is not null && other.Number == Number && other.NodeIndex == NodeIndex
        && other.RemoteNode == RemoteNode && other.Creation == Creation;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Pid p && Equals(p);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        RemoteNode is { } node ? HashCode.Combine(node, Number, Creation) : HashCode.Combine(NodeIndex, Number);

    /// <summary>Orders pids as Erlang does: by node, then by number. Local pids come first; remote
    /// pids are ordered by node name, creation, serial, then id.</summary>
    public int CompareTo(Pid? other)
    {
        if (other is null) return 1;
        if (RemoteNode is null || other.RemoteNode is null)
            return NodeIndex != other.NodeIndex ? NodeIndex.CompareTo(other.NodeIndex) : Number.CompareTo(other.Number);
        var byNode = string.CompareOrdinal(RemoteNode.Value.Name, other.RemoteNode.Value.Name);
        if (byNode != 0) return byNode;
        if (Creation != other.Creation) return Creation.CompareTo(other.Creation);
        return Number.CompareTo(other.Number);
    }

    /// <summary>Erlang's notation, for example <c>&lt;0.42.0&gt;</c>; a remote pid shows its node's
    /// name, id and serial: <c>&lt;pong@127.0.0.1.42.0&gt;</c>.</summary>
    public override string ToString() =>
        RemoteNode is { } node ? $"<{node.Name}.{(uint)Number}.{(uint)(Number >> 32)}>" : $"<{NodeIndex}.{Number}.0>";

    /// <summary>Value equality.</summary>
    public static bool operator ==(Pid? a, Pid? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Pid? a, Pid? b) => !(a == b);
}
