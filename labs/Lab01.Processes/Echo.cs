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
    public static Pid Start(Process self) =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");

    /// <summary>
    /// Sends <paramref name="text"/> to <paramref name="echo"/> in an <see cref="EchoRequest"/>
    /// from <paramref name="self"/>, waits for the <see cref="EchoReply"/> that comes from that
    /// echo, and returns its text. Other messages stay in the mailbox.
    /// </summary>
    public static Task<string> AskAsync(Process self, Pid echo, string text) =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");
}
