namespace Otp;

/// <summary>
/// A unique reference, Erlang's <c>make_ref()</c>: used to tag requests and monitors so that a
/// reply can be told apart from every other message. Prints as <c>#Ref&lt;0.0.0.N&gt;</c>.
/// </summary>
/// <remarks>
/// A reference made by a process also remembers how far that process's mailbox had got when it
/// was made. A receive for a message that carries the reference can then skip every message that
/// arrived earlier (they cannot contain it), which keeps request/reply fast however long the
/// mailbox is: the same trick the Erlang compiler applies to <c>make_ref()</c> and <c>monitor/2</c>.
/// </remarks>
public sealed class Ref : IEquatable<Ref>
{
    private static long s_next;

    internal Ref(long mailboxMark)
    {
        Number = Interlocked.Increment(ref s_next);
        MailboxMark = mailboxMark;
    }

    /// <summary>Makes a reference outside any process (no mailbox mark).</summary>
    public static Ref Make() => new(0);

    /// <summary>The reference's unique number.</summary>
    public long Number { get; }

    /// <summary>Sequence number of the first message that may carry this reference.</summary>
    internal long MailboxMark { get; }

    /// <inheritdoc/>
    public bool Equals(Ref? other) => other is not null && other.Number == Number;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Ref r && Equals(r);

    /// <inheritdoc/>
    public override int GetHashCode() => Number.GetHashCode();

    /// <summary>Erlang's notation, <c>#Ref&lt;0.0.0.N&gt;</c>.</summary>
    public override string ToString() => $"#Ref<0.0.0.{Number}>";
}
