using Otp;
using Otp.Modules;

namespace Workbook.Modules;

/// <summary>
/// tut17 of Erlang's "Getting Started" guide in C#: the same functions as <c>Erlang/tut17.erl</c>,
/// printing the same lines through the caller's group leader, so that a C# ping plays with an
/// <c>erl</c> pong and the other way round, and <c>spawn(CsNode, tut17, ping, [3, node()])</c>
/// from <c>erl</c> prints its lines on the <c>erl</c> side.
/// </summary>
[ErlangModule("tut17")]
public static class Tut17
{
    private static readonly Atom s_ping = new("ping");
    private static readonly Atom s_pong = new("pong");
    private static readonly Atom s_finished = new("finished");

    /// <summary><c>ping(N, PongNode)</c>: sends <c>{ping, self()}</c> to <c>{pong, PongNode}</c>
    /// and waits for <c>pong</c>, <paramref name="n"/> times, then sends <c>finished</c>.</summary>
    public static async Task Ping(Process self, int n, Atom pongNode)
    {
        for (; n > 0; n--)
        {
            self.Send("pong", pongNode.Name, new ErlangTuple(s_ping, self.Self));
            await self.Receive(m => s_pong.Equals(m));
            await self.FormatAsync("Ping received pong~n");
        }
        self.Send("pong", pongNode.Name, s_finished);
        await self.FormatAsync("ping finished~n");
    }

    /// <summary><c>pong()</c>: answers each <c>{ping, Pid}</c> with <c>pong</c> until <c>finished</c>.</summary>
    public static async Task Pong(Process self)
    {
        while (true)
        {
            var m = await self.Receive(x => s_finished.Equals(x) || x is ErlangTuple { Length: 2 } t && s_ping.Equals(t[0]) && t[1] is Pid);
            if (m is ErlangTuple { Length: 2 } ping && ping[1] is Pid from)
            {
                await self.FormatAsync("Pong received ping~n");
                self.Send(from, s_pong);
                continue;
            }
            await self.FormatAsync("Pong finished~n");
            return;
        }
    }

    /// <summary><c>start_pong()</c>: spawns <c>pong()</c> registered as <c>pong</c>; returns
    /// <c>true</c>, as <c>register/2</c> does.</summary>
    public static bool StartPong(Process self)
    {
        self.Node.Register("pong", self.Spawn(Pong));
        return true;
    }

    /// <summary>
    /// <c>start_ping(PongNode)</c>: spawns <c>ping(3, PongNode)</c> and returns its pid. The
    /// node is an atom, as in the tutorial; a list of one string is taken too, because that is
    /// how <c>erl -run</c> (and <c>--run</c> of the command-line node) pass arguments:
    /// <c>--run tut17 start_ping pong@host</c>.
    /// </summary>
    public static Pid StartPing(Process self, object pongNode)
    {
        var node = pongNode switch
        {
            Atom a => a,
            ErlangList { Count: 1 } l when l[0] is ErlangList s && s.TryGetString(out var text) => new Atom(text),
            _ => throw new BadArgException($"tut17:start_ping/1 takes a node name (an atom), got {Otp.Terms.Term.Format(pongNode)}"),
        };
        return self.Spawn(p => Ping(p, 3, node));
    }
}
