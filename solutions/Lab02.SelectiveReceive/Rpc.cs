using Otp;

namespace Lab02.SelectiveReceive;

/// <summary>Task 4: request and reply with a unique tag, a timeout, and no stale replies.</summary>
public static class Rpc
{
    /// <summary>
    /// Sends <c>Request(self, tag, body)</c> to <paramref name="server"/> with a new unique tag and
    /// waits up to <paramref name="timeout"/> for the <see cref="Response"/> carrying that tag.
    /// Returns its body, or null on timeout. A response that comes too late must never be
    /// mistaken for another call's answer, and must not stay in the mailbox: when this method
    /// returns, no <see cref="Response"/> is left in the caller's mailbox. Every other message is
    /// left alone, in order.
    /// </summary>
    public static async Task<object?> CallAsync(Process self, Pid server, object body, TimeSpan timeout)
    {
        var tag = self.MakeRef();
        self.Send(server, new Request(self.Self, tag, body));
        // ReceiveReply starts after the messages that were already there when the tag was made:
        // none of them can carry it, so a long mailbox costs nothing.
        var answer = (Response?)await self.ReceiveReply(tag, m => m is Response r && r.Tag == tag, timeout);
        // Late answers to earlier calls: take them out, so they neither pile up nor confuse anyone.
        while (await self.Receive(m => m is Response, TimeSpan.Zero) is not null) { }
        return answer?.Body;
    }
}
