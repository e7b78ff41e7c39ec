using Otp;

namespace Lab02.SelectiveReceive;

/// <summary>Given (not a task): a server for task 4 that takes its time.</summary>
public static class SlowServer
{
    /// <summary>
    /// Spawns a server that answers every <see cref="Request"/> with a <see cref="Response"/>
    /// carrying the same tag and the body <c>"done: " + body</c>, after <paramref name="delay"/>.
    /// A request whose body is a <see cref="TimeSpan"/> takes that long instead.
    /// </summary>
    public static Pid Start(Process self, TimeSpan delay) => self.Spawn(async me =>
    {
        while (true)
        {
            var request = await me.Receive<Request>();
            await me.Sleep(request.Body is TimeSpan t ? t : delay);
            me.Send(request.From, new Response(request.Tag, $"done: {Otp.Terms.Term.Format(request.Body)}"));
        }
    });
}
