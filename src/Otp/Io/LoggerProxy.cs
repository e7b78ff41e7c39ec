using System.Globalization;

namespace Otp.Io;

/// <summary>
/// The node's <c>logger_proxy</c>: where other nodes send the log events of processes whose
/// group leader is here. A process spawned from this node that ends with an error on another node
/// (an <c>erl</c> node, or another C# node) is reported here, as erts reports it:
/// <c>{log, Level, Format, Args, Meta}</c>. It prints what erl's default handler prints, to the
/// node's standard output:
/// <code>
/// =ERROR REPORT==== 7-Dec-2026::23:24:50.125265 ===
/// Error in process &lt;b@host.88.0&gt; on node b@host with exit value:
/// {undef,[{nomod,nofun,[1],[]}]}
/// </code>
/// followed by an empty line. The time is the event's <c>time</c> (microseconds since 1970) in
/// local time. <c>{log, Level, Report, Meta}</c> prints the report with <c>~p</c>.
/// </summary>
internal static class LoggerProxy
{
    public static async Task Loop(Process self)
    {
        while (true)
        {
            var m = await self.Receive();
            if (m is not ErlangTuple { Length: 4 or 5 } t || t[0] is not Atom { Name: "log" } || t[1] is not Atom level) continue;
            var meta = t[t.Length - 1] as ErlangMap;
            string text;
            try
            {
                text = t.Length == 5 ? IoLibFormat.Format(IoLibFormat.Text(t[2]), t[3] is ErlangList args ? [.. args] : []) : IoLibFormat.Format("~p~n", [t[2]]);
            }
            catch (BadArgException)
            {
                // A format this node's io_lib subset cannot render: show the raw event rather than nothing.
                text = IoLibFormat.Format("~p~n", [t]);
            }
            var output = IoServer.Out(self.Node);
            output.Write($"={level.Name.ToUpperInvariant()} REPORT==== {Stamp(self.Node, meta)} ===\n{text}\n");
            output.Flush();
        }
    }

    private static string Stamp(Node node, ErlangMap? meta)
    {
        var when = meta is not null && meta.TryGetValue(new Atom("time"), out var t) && t is int or long
            ? DateTimeOffset.UnixEpoch.AddTicks(Convert.ToInt64(t, CultureInfo.InvariantCulture) * (TimeSpan.TicksPerMillisecond / 1000))
            : node.Time.GetUtcNow();
        // erl's form: 7-Dec-2026::23:24:50.125265, in local time.
        return TimeZoneInfo.ConvertTime(when, TimeZoneInfo.Local).ToString("d-MMM-yyyy::HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
    }
}
