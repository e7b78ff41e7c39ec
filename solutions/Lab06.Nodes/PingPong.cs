using Otp;

namespace Lab06.Nodes;

/// <summary>Task 1: tut17's ping and pong, the two players on two nodes.</summary>
public static class PingPong
{
    /// <summary>The name pong is registered under on its node.</summary>
    public const string PongName = "pong";

    private static readonly Atom s_ping = new("ping");
    private static readonly Atom s_pong = new("pong");
    private static readonly Atom s_finished = new("finished");

    /// <summary>Task 1: spawns <see cref="Pong"/> on <paramref name="node"/>, registered there as
    /// <see cref="PongName"/>; returns its pid.</summary>
    public static Pid StartPong(Node node)
    {
        var pong = node.Spawn(Pong);
        node.Register(PongName, pong);
        return pong;
    }

    /// <summary>Task 1: answers every <c>{ping, Pid}</c> with <c>pong</c> sent to that pid, until
    /// <c>finished</c> arrives; then returns (exits normally).</summary>
    public static async Task Pong(Process self)
    {
        while (true)
        {
            var message = await self.Receive(m => s_finished.Equals(m) || m is (Atom { Name: "ping" }, Pid));
            if (message is (Atom, Pid from))
                self.Send(from, s_pong);
            else
                return;
        }
    }

    /// <summary>Task 1: <paramref name="rounds"/> times, sends <c>{ping, self()}</c> to
    /// <c>{pong, PongNode}</c> and waits for <c>pong</c>; then sends <c>finished</c> there and
    /// returns.</summary>
    public static async Task Ping(Process self, int rounds, string pongNode)
    {
        for (var i = 0; i < rounds; i++)
        {
            self.Send(PongName, pongNode, new ErlangTuple(s_ping, self.Self));
            await self.Receive(m => s_pong.Equals(m));
        }
        self.Send(PongName, pongNode, s_finished);
    }
}
