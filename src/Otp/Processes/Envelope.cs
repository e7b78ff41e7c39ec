namespace Otp.Processes;

/// <summary>One message in a mailbox, in a doubly linked list so that a selective receive can
/// take a message from the middle and leave the others in order.</summary>
internal sealed class Envelope(object message, long seq)
{
    public readonly object Message = message;
    public readonly long Seq = seq;
    public Envelope? Next;
    public Envelope? Prev;
}
