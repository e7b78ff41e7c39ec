using Otp;
using Otp.Sockets;
using Otp.Tables;

namespace Lab10.TcpServer;

/// <summary>Task 2: a small key-value store over a line protocol.</summary>
public static class StoreServer
{
    /// <summary>
    /// Task 2: as <see cref="EchoServer.StartAsync"/>, but each connection's process answers
    /// commands, one per line: <c>put KEY VALUE</c> → <c>ok</c> (the value is the rest of the line);
    /// <c>get KEY</c> → <c>value VALUE</c> or <c>not_found</c>; <c>quit</c> closes the connection
    /// without an answer; anything else → <c>error unknown_command</c>. Every connection sees the
    /// same store, which lives as long as the acceptor.
    /// </summary>
    public static async Task<Listening> StartAsync(Process self)
    {
        var parent = self.Self;
        var acceptor = self.Spawn(async me =>
        {
            // A public table owned by the acceptor: every connection's process reads and writes it
            // directly (chapter 9), and it lives as long as the server.
            var store = Ets.New(me, "store", new TableOptions { Access = TableAccess.Public });
            var listener = LineListener.Listen(me);
            me.Send(parent, new Listening(me.Self, listener.Port));
            await EchoServer.AcceptLoopAsync(me, listener, (h, c) => ServeAsync(h, c, store));
        });
        return await self.Receive<Listening>(l => l.Acceptor == acceptor);
    }

    private static async Task ServeAsync(Process me, LineConnection connection, TableId store)
    {
        while (true)
        {
            connection.ActivateOnce(me.Self);
            if (await me.Receive(m => m is TcpLine or TcpClosed or TcpError) is not TcpLine { Line: var line }
                || Answer(me, store, line) is not { } answer)
            {
                connection.Close();
                return;
            }
            connection.Send(answer);
        }
    }

    /// <summary>The answer to one command, or null for <c>quit</c>.</summary>
    private static string? Answer(Process me, TableId store, string line) => line.Split(' ', 3) switch
    {
        ["put", var key, var value] => Put(me, store, key, value),
        ["get", var key] => Ets.Lookup(me, store, key) is [var found] ? $"value {found[1]}" : "not_found",
        ["quit"] => null,
        _ => "error unknown_command",
    };

    private static string Put(Process me, TableId store, string key, string value)
    {
        Ets.Insert(me, store, (key, value));
        return "ok";
    }
}
