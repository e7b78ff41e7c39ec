namespace Otp.Behaviours;

/// <summary>A request that expects a reply, tagged so the reply cannot be confused with any other
/// message (Erlang's <c>{'$gen_call', {From, Tag}, Request}</c>).</summary>
internal sealed record SyncRequest(Pid From, Ref Tag, object Body);

/// <summary>The answer to a <see cref="SyncRequest"/>.</summary>
internal sealed record SyncReply(Ref Tag, object? Value);

/// <summary>
/// The caller's half of request/reply, shared by the state machine and the module server: monitor
/// the server, send the tagged request, wait for the reply or the server's end.
/// </summary>
internal static class SyncCall
{
    /// <summary>Sends <paramref name="body"/> and waits for the reply.</summary>
    /// <exception cref="ExitException">The server ended before replying (its reason), or did not
    /// answer within <paramref name="timeout"/> (reason <c>timeout</c>), as <c>gen:call</c> exits.</exception>
    public static async Task<object?> CallAsync(Process self, Pid server, object body, TimeSpan? timeout)
    {
        var monitor = self.Monitor(server);
        var tag = monitor;
        self.Send(server, new SyncRequest(self.Self, tag, body));
        var answer = await self.ReceiveReply(tag,
            m => m is SyncReply r && r.Tag == tag || m is Down d && d.Ref == monitor,
            timeout ?? TimeSpan.FromSeconds(5));
        self.Demonitor(monitor, flush: true);
        return answer switch
        {
            SyncReply r => r.Value,
            Down d => throw new ExitException(d.Reason),
            _ => throw new ExitException(ExitReason.Timeout),
        };
    }

    /// <summary>Answers a request.</summary>
    public static void Reply(Process self, SyncRequest request, object? value) =>
        self.Send(request.From, new SyncReply(request.Tag, value));
}
