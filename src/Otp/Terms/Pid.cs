namespace Otp;

/// <summary>
/// A process identifier: the address of one process on one node. Pids are compared by value
/// (node and number) and print the way Erlang prints them, for example <c>&lt;0.42.0&gt;</c>.
/// </summary>
/// <remarks>
/// A pid stays valid after its process has exited: sending to it is then silently dropped,
/// exactly as in Erlang, and linking to or monitoring it yields <c>noproc</c>.
/// </remarks>
public sealed class Pid : IEquatable<Pid>, IComparable<Pid>
{
    internal Pid(int node, long number, Process? process)
    {
        NodeIndex = node;
        Number = number;
        Process = process;
    }

    /// <summary>The pid used as the sender of messages that come from outside any process
    /// (a test, a notebook cell): <c>&lt;0.0.0&gt;</c>.</summary>
    public static Pid Outside { get; } = new(0, 0, null);

    /// <summary>The node part: 0 for a local process, as Erlang prints it.</summary>
    public int NodeIndex { get; }

    /// <summary>The process number, unique on its node.</summary>
    public long Number { get; }

    /// <summary>The live process behind a local pid; null for remote pids and <see cref="Outside"/>.</summary>
    internal Process? Process { get; }

    /// <inheritdoc/>
    public bool Equals(Pid? other) => other is not null && other.Number == Number && other.NodeIndex == NodeIndex;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Pid p && Equals(p);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(NodeIndex, Number);

    /// <summary>Orders pids as Erlang does: by node, then by number.</summary>
    public int CompareTo(Pid? other) =>
        other is null ? 1 : NodeIndex != other.NodeIndex ? NodeIndex.CompareTo(other.NodeIndex) : Number.CompareTo(other.Number);

    /// <summary>Erlang's notation, for example <c>&lt;0.42.0&gt;</c>.</summary>
    public override string ToString() => $"<{NodeIndex}.{Number}.0>";

    /// <summary>Value equality.</summary>
    public static bool operator ==(Pid? a, Pid? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Pid? a, Pid? b) => !(a == b);
}
