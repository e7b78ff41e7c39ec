using Otp;

namespace Lab01.Processes;

/// <summary>Asks an echo process to send <paramref name="Text"/> back to <paramref name="From"/>.</summary>
public sealed record EchoRequest(Pid From, string Text);

/// <summary>The echo's answer: <paramref name="Text"/>, sent by the echo process <paramref name="From"/>.</summary>
public sealed record EchoReply(Pid From, string Text);

/// <summary>Tells an echo process to end (normally).</summary>
public sealed record StopEcho;

/// <summary>Task 1: a process that answers every request to whoever sent it.</summary>
public static class Echo
{
    /// <summary>
    /// Spawns an echo process and returns its pid. The echo waits for messages in a loop: for an
    /// <see cref="EchoRequest"/> it sends an <see cref="EchoReply"/> (its own pid, the same text)
    /// to the request's <c>From</c>; for <see cref="StopEcho"/> it ends normally; anything else
    /// it takes out of its mailbox and ignores.
    /// </summary>
    public static Pid Start(Process self) => self.Spawn(async me =>
    {
        while (true)
        {
            switch (await me.Receive())
            {
                case EchoRequest request:
                    me.Send(request.From, new EchoReply(me.Self, request.Text));
                    break;
                case StopEcho:
                    return;
            }
        }
    });

    /// <summary>
    /// Sends <paramref name="text"/> to <paramref name="echo"/> in an <see cref="EchoRequest"/>
    /// from <paramref name="self"/>, waits for the <see cref="EchoReply"/> that comes from that
    /// echo, and returns its text. Other messages stay in the mailbox.
    /// </summary>
    public static async Task<string> AskAsync(Process self, Pid echo, string text)
    {
        self.Send(echo, new EchoRequest(self.Self, text));
        var reply = await self.Receive<EchoReply>(r => r.From == echo);
        return reply.Text;
    }
}
