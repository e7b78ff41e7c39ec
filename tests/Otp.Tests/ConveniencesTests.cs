namespace Otp.Tests;

/// <summary>Small conveniences of the process API: a typed receive with an <c>after</c>,
/// <c>is_process_alive</c>, and an exit reason written as a plain string.</summary>
public class ConveniencesTests
{
    private sealed record Ping(int N);

    [Fact]
    public async Task Typed_receive_with_a_timeout_returns_the_message_or_null()
    {
        using var node = Node.StartDeterministic();
        var (first, late, skipped) = await node.RunAsync(async self =>
        {
            self.Send(self.Self, "not a ping");
            self.Send(self.Self, new Ping(1));
            var first = await self.Receive<Ping>(TimeSpan.Zero);
            // Nothing matches: after the timeout the answer is null, and the string stays queued.
            var late = await self.Receive<Ping>(p => p.N > 5, TimeSpan.FromSeconds(2));
            return (first, late, self.MessageQueueLength);
        });
        Assert.Equal(new Ping(1), first);
        Assert.Null(late);
        Assert.Equal(1, skipped);
    }

    [Fact]
    public async Task Typed_receive_of_a_value_type_uses_its_nullable_form()
    {
        using var node = Node.StartDeterministic();
        var (got, none) = await node.RunAsync(async self =>
        {
            self.Send(self.Self, 42);
            return (await self.Receive<int?>(TimeSpan.Zero), await self.Receive<int?>(TimeSpan.FromSeconds(1)));
        });
        Assert.Equal(42, got);
        Assert.Null(none);
    }

    [Fact]
    public async Task IsAlive_is_true_until_the_process_exits()
    {
        using var node = Node.StartDeterministic();
        var (before, after) = await node.RunAsync(async self =>
        {
            var child = self.Spawn(async me => await me.Receive<Ping>());
            var before = self.IsAlive(child);
            var monitor = self.Monitor(child);
            self.Send(child, new Ping(0));
            await self.Receive<Down>(d => d.Ref == monitor);
            return (before, self.IsAlive(child));
        });
        Assert.True(before);
        Assert.False(after);
    }

    [Fact]
    public async Task A_string_is_an_atom_exit_reason()
    {
        using var node = Node.StartDeterministic();
        var reason = await node.RunAsync(async self =>
        {
            self.TrapExit = true;
            var child = self.SpawnLink(me => { me.Exit("boom"); return Task.CompletedTask; });
            return (await self.Receive<ExitSignal>(e => e.From == child)).Reason;
        });
        Assert.Equal(new ExitReason(new Atom("boom")), reason);
        Assert.Equal("boom", reason.ToString());
    }
}
