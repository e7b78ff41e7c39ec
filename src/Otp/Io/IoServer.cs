namespace Otp.Io;

/// <summary>
/// The server side of Erlang's io protocol for a node's standard output: the process a
/// distributed node registers as <c>user</c>, and the group leader it names when it spawns on
/// another node. It answers <c>{io_request, From, ReplyAs, Request}</c> with
/// <c>{io_reply, ReplyAs, Reply}</c>, where Request is <c>{put_chars, Encoding, Chars}</c>,
/// <c>{put_chars, Encoding, io_lib, format, [Format, Args]}</c> (what <c>io:format</c> sends), the
/// old <c>{put_chars, Chars}</c>, or <c>{requests, [...]}</c>. Input requests are answered
/// <c>{error, enotsup}</c>: a C# node reads no terminal.
/// </summary>
internal static class IoServer
{
    private static readonly Atom s_ioRequest = new("io_request");
    private static readonly Atom s_ioReply = new("io_reply");
    private static readonly Atom s_ok = new("ok");
    private static readonly Atom s_error = new("error");

    public static async Task Loop(Process self)
    {
        while (true)
        {
            var m = await self.Receive();
            if (m is not ErlangTuple { Length: 4 } t || !s_ioRequest.Equals(t[0]) || t[1] is not Pid from) continue;
            self.Send(from, new ErlangTuple(s_ioReply, t[2], Handle(self.Node, t[3])));
        }
    }

    private static object Handle(Node node, object? request)
    {
        switch (request)
        {
            case ErlangTuple { Length: 3 } t when t[0] is Atom { Name: "put_chars" }:
                return Write(node, () => IoLibFormat.Text(t[2]));
            case ErlangTuple { Length: 2 } t when t[0] is Atom { Name: "put_chars" }:
                return Write(node, () => IoLibFormat.Text(t[1]));
            case ErlangTuple { Length: 5 } t when t[0] is Atom { Name: "put_chars" } && t[2] is Atom { Name: "io_lib" } && t[3] is Atom { Name: "format" }
                && t[4] is ErlangList { Count: 2 } a && a[1] is ErlangList args:
                return Write(node, () => IoLibFormat.Format(IoLibFormat.Text(a[0]), [.. args]));
            case ErlangTuple { Length: 2 } t when t[0] is Atom { Name: "requests" } && t[1] is ErlangList all:
                foreach (var one in all)
                {
                    var reply = Handle(node, one);
                    if (reply is not Atom { Name: "ok" }) return reply;
                }
                return s_ok;
            case ErlangTuple { Length: >= 1 } t when t[0] is Atom { Name: "get_chars" or "get_line" or "get_until" or "get_password" or "get_geometry" or "setopts" or "getopts" }:
                return new ErlangTuple(s_error, new Atom("enotsup"));
            default:
                return new ErlangTuple(s_error, new Atom("request"));
        }
    }

    private static object Write(Node node, Func<string> text)
    {
        string s;
        try
        {
            s = text();
        }
        catch (BadArgException)
        {
            // What Erlang's group leader answers for a format that does not fit its arguments.
            return new ErlangTuple(s_error, new Atom("format"));
        }
        Out(node).Write(s);
        Out(node).Flush();
        return s_ok;
    }

    /// <summary>Where a node's standard output goes.</summary>
    public static TextWriter Out(Node node) => node.Options.StandardOutput ?? Console.Out;
}
