using Otp.Scheduling;

namespace Otp.Tests;

/// <summary>A crash of any process ends that process (and what is linked to it), never the node.</summary>
public class CrashIsolationTests
{
    private static List<Exception> Faults(Node node) => ((DeterministicScheduler)node.Scheduler).Faults;

    /// <summary>After whatever happened, the node still runs processes.</summary>
    private static async Task AssertNodeStillWorks(Node node)
    {
        Assert.Equal(42, await node.RunAsync(async self =>
        {
            var echo = self.Spawn(async me => me.Send(self.Self, await me.Receive()));
            self.Send(echo, 42);
            return (int)await self.Receive();
        }));
    }

    [Fact]
    public async Task An_exception_ends_the_process_with_an_error_reason_carrying_it()
    {
        using var node = Node.StartDeterministic();
        var boom = new InvalidOperationException("boom");
        var pid = node.Spawn(async self =>
        {
            await self.Yield();
            throw boom;
        });
        var reason = await node.WaitForExitAsync(pid);
        Assert.Same(boom, reason.Exception);
        Assert.Equal("InvalidOperationException", reason.Head);
        Assert.Empty(Faults(node));
        await AssertNodeStillWorks(node);
    }

    [Fact]
    public async Task RunAsync_rethrows_the_crash_of_its_process()
    {
        using var node = Node.StartDeterministic();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => node.RunAsync(async _ => throw new ArgumentException("bad")));
        Assert.Equal("bad", ex.Message);
        await AssertNodeStillWorks(node);
    }

    [Fact]
    public async Task A_throwing_receive_predicate_crashes_only_its_process_whether_the_message_is_there_or_arrives_later()
    {
        using var node = Node.StartDeterministic();
        static bool Explode(object m) => m is "bad" ? throw new FormatException("predicate failed") : false;
        var waiting = node.Spawn(async self => await self.Receive(Explode));
        var already = node.Spawn(async self =>
        {
            self.Send(self.Self, "bad");
            await self.Receive(Explode);
        });
        await node.SettleAsync();
        node.Send(waiting, "bad");
        Assert.IsType<FormatException>((await node.WaitForExitAsync(waiting)).Exception);
        Assert.IsType<FormatException>((await node.WaitForExitAsync(already)).Exception);
        Assert.Empty(Faults(node));
        await AssertNodeStillWorks(node);
    }

    [Fact]
    public async Task A_throwing_receive_predicate_on_a_real_time_node_crashes_only_its_process()
    {
        using var node = Node.Start();
        var pid = node.Spawn(async self => await self.Receive(m => m is "bad" ? throw new FormatException("predicate failed") : false));
        node.Send(pid, "bad");
        var reason = await node.WaitForExitAsync(pid, TimeSpan.FromSeconds(30));
        Assert.IsType<FormatException>(reason.Exception);
        Assert.Equal(42, await node.RunAsync(async self => 42, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Killing_a_process_blocked_on_an_external_await_ends_it_at_once_and_signals_its_links()
    {
        using var node = Node.StartDeterministic();
        var never = new TaskCompletionSource();
        var sawFinally = false;
        var blocked = node.Spawn(async self =>
        {
            try { await never.Task; }
            finally { sawFinally = true; }
            self.Send(self.Self, "unreachable");
        });
        var reported = await node.RunAsync(async self =>
        {
            self.TrapExit = true;
            self.Link(blocked);
            var r = self.Monitor(blocked);
            self.Exit(blocked, ExitReason.Kill);
            var exit = await self.Receive<ExitSignal>();
            var down = await self.Receive<Down>(d => d.Ref.Equals(r));
            return $"{exit.Reason} {down.Reason}";
        });
        Assert.Equal("killed killed", reported);
        Assert.False(node.IsAlive(blocked));
        await AssertNodeStillWorks(node);

        // When the external task completes, the body unwinds at its next runtime call.
        never.SetResult();
        await node.SettleAsync();
        Assert.True(sawFinally);
        Assert.Empty(Faults(node));
        Assert.Equal(ExitReason.Killed, node.ExitReasonOf(blocked));
    }

    [Fact]
    public async Task A_body_that_returns_no_task_is_an_error_exit()
    {
        using var node = Node.StartDeterministic();
        var reason = await node.WaitForExitAsync(node.Spawn(_ => null!));
        Assert.IsType<InvalidOperationException>(reason.Exception);
        await AssertNodeStillWorks(node);
    }

    [Fact]
    public async Task A_crash_takes_down_linked_processes_but_not_the_others()
    {
        using var node = Node.StartDeterministic();
        var bystander = node.Spawn(async self => await self.Receive(m => m is "stop"));
        var partner = node.Spawn(async self => await self.Receive(m => m is "stop"));
        await node.RunAsync(async self =>
        {
            var crasher = self.Spawn(async me =>
            {
                me.Link(partner);
                await me.Yield();
                throw new InvalidOperationException("boom");
            });
            var r = self.Monitor(crasher);
            await self.Receive<Down>(d => d.Ref.Equals(r));
        });
        Assert.Equal("InvalidOperationException", node.ExitReasonOf(partner)!.Head);
        Assert.True(node.IsAlive(bystander));
    }
}
