using Otp.Behaviours;

namespace Otp.Tests.Behaviours;

public class GenServerTests
{
    private sealed record Add(int N);
    private sealed record Get;
    private sealed record Sleep(TimeSpan For);
    private sealed record Crash;
    private sealed record Later;
    private sealed record Unrelated(int N);

    /// <summary>A counter that records what happened to it in a shared log.</summary>
    private sealed class Counter(List<string> log, int start = 0, bool trap = false) : GenServer<int>
    {
        protected override ValueTask<int> InitAsync()
        {
            Self.TrapExit = trap;
            log.Add("init");
            return ValueTask.FromResult(start);
        }

        protected override async ValueTask<ServerResult<int>> HandleCallAsync(object request, From from, int state)
        {
            switch (request)
            {
                case Get: return Reply(state, state);
                case Sleep s:
                    await Self.Sleep(s.For);
                    return Reply("slept", state);
                case Crash: throw new InvalidOperationException("crash in call");
                case Later:
                    // Answer from another process, as gen_server:reply/2 allows.
                    Self.Spawn(async helper => { await helper.Sleep(TimeSpan.FromSeconds(1)); GenServer.Reply(helper, from, "from helper"); });
                    return NoReply(state);
                case "stop": return Stop(ExitReason.Of("asked"), state, "bye");
                default: return await base.HandleCallAsync(request, from, state);
            }
        }

        protected override ValueTask<ServerResult<int>> HandleCastAsync(object request, int state) =>
            request is Add a ? NoReply(state + a.N) : Reply("wrong", state);

        protected override ValueTask<ServerResult<int>> HandleInfoAsync(object message, int state)
        {
            log.Add($"info {message}");
            return NoReply(state);
        }

        protected override ValueTask TerminateAsync(ExitReason reason, int state)
        {
            log.Add($"terminate {reason.Head} {state}");
            return ValueTask.CompletedTask;
        }
    }

    private sealed class FailingInit : GenServer<int>
    {
        protected override ValueTask<int> InitAsync()
        {
            Self.Exit(ExitReason.Of("no_config"));
            return ValueTask.FromResult(0);
        }
    }

    [Fact]
    public async Task CallCastAndInfo()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var result = await node.RunAsync(async self =>
        {
            var pid = await GenServer.StartLinkAsync(self, new Counter(log, 10));
            GenServer.Cast(self, pid, new Add(5));
            self.Send(pid, "hello");
            return await GenServer.CallAsync<int>(self, pid, new Get());
        });
        Assert.Equal(15, result);
        Assert.Equal(["init", "info hello"], log);
    }

    [Fact]
    public async Task CallToAnUnknownNameExitsWithNoproc()
    {
        using var node = Node.StartDeterministic();
        var reason = await node.RunAsync(async self =>
        {
            var ex = await Assert.ThrowsAsync<ExitException>(async () => await GenServer.CallAsync(self, "nobody", new Get()));
            return ex.Reason.ToString();
        });
        Assert.Equal("{noproc,{gen_server,call,[nobody,Get { }]}}", reason);
    }

    [Fact]
    public async Task CallToADeadPidExitsWithNoproc()
    {
        using var node = Node.StartDeterministic();
        var head = await node.RunAsync(async self =>
        {
            var dead = self.Spawn(_ => Task.CompletedTask);
            await self.Sleep(TimeSpan.FromMilliseconds(1));
            var ex = await Assert.ThrowsAsync<ExitException>(async () => await GenServer.CallAsync(self, dead, new Get()));
            return ex.Reason.Head;
        });
        Assert.Equal("noproc", head);
    }

    [Fact]
    public async Task TimeoutExitsTheCallerAndTheLateReplyNeverArrives()
    {
        using var node = Node.StartDeterministic();
        var (reason, mailbox) = await node.RunAsync(async self =>
        {
            var pid = await GenServer.StartAsync(self, new Counter([]));
            var ex = await Assert.ThrowsAsync<ExitException>(async () =>
                await GenServer.CallAsync(self, pid, new Sleep(TimeSpan.FromSeconds(2)), TimeSpan.FromSeconds(1)));
            await self.Sleep(TimeSpan.FromSeconds(5));
            return (ex.Reason.ToString(), self.PeekMessages().Count);
        });
        Assert.StartsWith("{timeout,{gen_server,call,[<", reason);
        Assert.EndsWith(",Sleep { For = 00:00:02 },1000]}}", reason);
        Assert.Equal(0, mailbox);
    }

    [Fact]
    public async Task ServerCrashDuringCallExitsTheCallerWithTheServerReason()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var head = await node.RunAsync(async self =>
        {
            var pid = await GenServer.StartAsync(self, new Counter(log, 3));
            var ex = await Assert.ThrowsAsync<ExitException>(async () => await GenServer.CallAsync(self, pid, new Crash()));
            Assert.Empty(self.PeekMessages());
            return ex.Reason.Head;
        });
        Assert.Equal("{'InvalidOperationException',\"crash in call\"}", head);
        Assert.Equal(["init", "terminate InvalidOperationException 3"], log);
    }

    [Fact]
    public async Task StopWithReplyRunsTerminateThenAnswers()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var (answer, exit) = await node.RunAsync(async self =>
        {
            var pid = await GenServer.StartAsync(self, new Counter(log, 1));
            var m = self.Monitor(pid);
            var a = await GenServer.CallAsync(self, pid, "stop");
            var down = await self.Receive<Down>(d => d.Ref == m);
            return (a, down.Reason.ToString());
        });
        Assert.Equal("bye", answer);
        Assert.Equal("asked", exit);
        Assert.Equal(["init", "terminate asked 1"], log);
    }

    [Fact]
    public async Task ReplyFromAnotherProcess()
    {
        using var node = Node.StartDeterministic();
        var answer = await node.RunAsync(async self => await GenServer.CallAsync(self, await GenServer.StartAsync(self, new Counter([])), new Later()));
        Assert.Equal("from helper", answer);
    }

    [Fact]
    public async Task ACastThatRepliesIsABadReturnValue()
    {
        using var node = Node.StartDeterministic();
        var reason = await node.RunAsync(async self =>
        {
            var pid = await GenServer.StartAsync(self, new Counter([]));
            var m = self.Monitor(pid);
            GenServer.Cast(self, pid, "not an Add");
            return (await self.Receive<Down>(d => d.Ref == m)).Reason.ToString();
        });
        Assert.Equal("{bad_return_value,{reply,\"wrong\"}}", reason);
    }

    [Fact]
    public async Task ParentShutdownRunsTerminateOnlyWhenTrapping()
    {
        foreach (var trap in new[] { true, false })
        {
            using var node = Node.StartDeterministic();
            var log = new List<string>();
            var parent = node.Spawn(async self =>
            {
                await GenServer.StartLinkAsync(self, new Counter(log, 7, trap), "counter");
                await self.Receive();
            });
            await node.SettleAsync();
            var server = node.WhereIs("counter")!;
            node.Exit(parent, ExitReason.Shutdown);
            Assert.Equal("shutdown", (await node.WaitForExitAsync(server)).ToString());
            Assert.Equal(trap ? ["init", "terminate shutdown 7"] : ["init"], log);
        }
    }

    [Fact]
    public async Task StopRunsTerminate()
    {
        using var node = Node.StartDeterministic();
        var log = new List<string>();
        var pid = await GenServer.StartAsync(node, new Counter(log, 2));
        await GenServer.StopAsync(node, pid);
        Assert.False(node.IsAlive(pid));
        Assert.Equal(["init", "terminate normal 2"], log);
        var ex = await Assert.ThrowsAsync<ExitException>(() => GenServer.StopAsync(node, pid));
        Assert.Equal("noproc", ex.Reason.ToString());
    }

    [Fact]
    public async Task FailedInitFailsTheStartAndReachesALinkedStarter()
    {
        using var node = Node.StartDeterministic();
        var (error, exit) = await node.RunAsync(async self =>
        {
            self.TrapExit = true;
            var ex = await Assert.ThrowsAsync<StartFailedException>(async () => await GenServer.StartLinkAsync(self, new FailingInit()));
            var signal = await self.Receive<ExitSignal>();
            return (ex.Reason.ToString(), signal.Reason.ToString());
        });
        Assert.Equal("no_config", error);
        Assert.Equal("no_config", exit);
    }

    [Fact]
    public async Task ANameCanBeTakenOnlyOnce()
    {
        using var node = Node.StartDeterministic();
        var first = await GenServer.StartAsync(node, new Counter([]), "c");
        var ex = await Assert.ThrowsAsync<StartFailedException>(() => GenServer.StartAsync(node, new Counter([]), "c"));
        Assert.Equal($"{{already_started,{first}}}", ex.Reason.ToString());
        Assert.Equal(0, await GenServer.CallAsync(node, "c", new Get()));
    }

    private sealed class SelfCaller : GenServer<string>
    {
        protected override ValueTask<string> InitAsync() => ValueTask.FromResult("");

        protected override async ValueTask<ServerResult<string>> HandleCallAsync(object request, From from, string state)
        {
            try
            {
                await GenServer.CallAsync(Self, Self.Self, "again");
                return Reply("no error", state);
            }
            catch (ExitException e)
            {
                return Reply(e.Reason.Head, state);
            }
        }
    }

    [Fact]
    public async Task AServerCallingItselfFailsAtOnce()
    {
        using var node = Node.StartDeterministic();
        var pid = await GenServer.StartAsync(node, new SelfCaller());
        var start = node.Time.GetUtcNow();
        Assert.Equal("calling_self", await GenServer.CallAsync(node, pid, "go"));
        Assert.Equal(start, node.Time.GetUtcNow());   // no 5 s timeout went by
    }

    [Fact]
    public async Task ConcurrentCallsOnARealTimeNode()
    {
        // Many clients on the thread pool: every call gets its own answer, and nothing is left over.
        using var node = Node.Start();
        var server = await GenServer.StartAsync(node, new Counter([]));
        var totals = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => node.RunAsync(async self =>
        {
            for (var i = 0; i < 500; i++) GenServer.Cast(self, server, new Add(1));
            var last = 0;
            for (var i = 0; i < 500; i++) last = await GenServer.CallAsync<int>(self, server, new Get());
            return (last, left: self.PeekMessages().Count);
        }, TimeSpan.FromSeconds(30))));
        Assert.All(totals, t => Assert.Equal(0, t.left));
        Assert.Equal(2000, await GenServer.CallAsync(node, server, new Get()));
    }

    [Fact]
    public async Task AnInstanceRunsOnce()
    {
        using var node = Node.StartDeterministic();
        var server = new Counter([]);
        await GenServer.StartAsync(node, server);
        await Assert.ThrowsAsync<InvalidOperationException>(() => GenServer.StartAsync(node, server));
    }

    [Fact]
    public async Task CallsLeaveTheBacklogInPlace()
    {
        // Replies are picked out from behind 10 000 unrelated messages, which all stay, in order.
        using var node = Node.StartDeterministic(trace: false);
        var looked = await node.RunAsync(async self =>
        {
            var pid = await GenServer.StartAsync(self, new Counter([]));
            for (var i = 0; i < 10_000; i++) self.Send(self.Self, new Unrelated(i));
            for (var i = 0; i < 100; i++) await GenServer.CallAsync(self, pid, new Get());
            return self.MessageQueueLength;
        });
        Assert.Equal(10_000, looked);
    }
}
