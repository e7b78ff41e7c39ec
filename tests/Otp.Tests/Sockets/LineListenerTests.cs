using System.Net.Sockets;
using Otp.Sockets;

namespace Otp.Tests.Sockets;

/// <summary>The listener and socket ownership, on loopback: accepting as messages, and sockets that
/// close with their owner as in Erlang.</summary>
public class LineListenerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AcceptOnce_delivers_one_connection_and_the_acceptor_hands_it_on()
    {
        using var node = Node.Start();
        var port = new TaskCompletionSource<int>();
        var acceptor = node.Spawn(async me =>
        {
            var listener = LineListener.Listen(me);
            port.SetResult(listener.Port);
            listener.AcceptOnce(me.Self);
            listener.AcceptOnce(me.Self); // a second call before the message: nothing more
            var accepted = await me.Receive<TcpAccepted>();
            var handler = me.Spawn(async h =>
            {
                accepted.Connection.ActivateOnce(h.Self);
                if (await h.Receive() is TcpLine line) accepted.Connection.Send($"got {line.Line}");
                await h.Receive(m => m is "never");
            });
            accepted.Connection.ControllingProcess(handler);
            await me.Receive(m => m is "stop");
        });
        await using var c = await LineClient.ConnectAsync(await port.Task.WaitAsync(Wait, TestContext.Current.CancellationToken));
        Assert.Equal("got hi", await c.AskAsync("hi"));
        Assert.Empty(node.MessagesOf(acceptor));
        node.Send(acceptor, "stop");
    }

    [Fact]
    public async Task The_listener_closes_when_its_owner_ends()
    {
        using var node = Node.Start();
        var port = 0;
        await node.RunAsync(async me => port = LineListener.Listen(me).Port);
        var refused = false;
        for (var i = 0; i < 100 && !refused; i++)
        {
            try { await using var c = await LineClient.ConnectAsync(port); await Task.Delay(20, TestContext.Current.CancellationToken); }
            catch (SocketException) { refused = true; }
        }
        Assert.True(refused, "the listener still accepts after its owner ended");
    }

    [Fact]
    public async Task A_connection_closes_when_its_controlling_process_crashes()
    {
        using var node = Node.Start();
        var port = new TaskCompletionSource<int>();
        node.Spawn(async me =>
        {
            var listener = LineListener.Listen(me);
            port.SetResult(listener.Port);
            listener.AcceptOnce(me.Self);
            var accepted = await me.Receive<TcpAccepted>();
            accepted.Connection.ControllingProcess(me.Spawn(async h =>
            {
                accepted.Connection.ActivateOnce(h.Self);
                await h.Receive<TcpLine>();
                throw new InvalidOperationException("crash");
            }));
            await me.Receive(m => m is "never");
        });
        await using var c = await LineClient.ConnectAsync(await port.Task.WaitAsync(Wait, TestContext.Current.CancellationToken));
        Assert.Null(await c.AskAsync("crash now"));
    }
}
