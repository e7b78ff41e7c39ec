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

    /// <summary>Makes a reference outside any process (no mailbox mark).</summary>
    public static Ref Make() => new(Interlocked.Increment(ref s_nextOutside), 0, outside: true);

    /// <summary>The reference's number, unique among the references of its node (or among those
    /// made outside any process).</summary>
    public long Number { get; }

    private bool IsOutside { get; }

    /// <summary>Sequence number of the first message that may carry this reference.</summary>
    internal long MailboxMark { get; }

    /// <inheritdoc/>
    public bool Equals(Ref? other) => other is not null && other.Number == Number && other.IsOutside == IsOutside;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Ref r && Equals(r);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Number, IsOutside);

    /// <summary>Erlang's notation, <c>#Ref&lt;0.0.0.N&gt;</c>.</summary>
    public override string ToString() => $"#Ref<0.0.{(IsOutside ? 1 : 0)}.{Number}>";
}
