using Otp.Conformance.Tests.Harness;

namespace Otp.Conformance.Tests;

/// <summary>Selective receive: clauses and guards, the save queue, after 0 / finite / infinity, flush.</summary>
public class ReceiveConformanceTests
{
    private static readonly Atom Hello = new("hello"), Stop = new("stop"), Go = new("go");

    private sealed record Note(int N)
    {
        public override string ToString() => $"{{note,{N}}}";
    }

    private sealed record Job(int N)
    {
        public override string ToString() => $"{{job,{N}}}";
    }

    private sealed record BigJob(int N)
    {
        public override string ToString() => $"{{big_job,{N}}}";
    }

    private sealed record Numbered(int N)
    {
        public override string ToString() => $"{{n,{N}}}";
    }

    private sealed record TaskAt(int Level, Atom Name);

    [Fact]
    public Task selective_clauses() => Scenario.CheckAsync("receive/selective_clauses", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            foreach (var m in new object[] { new Note(1), new Job(5), Hello, new Job(15), new Note(2), Stop })
                self.Send(self.Self, m);

            // receive {job, N} when N > 10 -> {big_job, N}; stop -> stop end
            async Task<object> BigJobOrStop() => await self.Receive(m => m is Job { N: > 10 } || Stop.Equals(m)) switch
            {
                Job j => new BigJob(j.N),
                var stop => stop,
            };
            obs.Add($"first: {Show.Term(await BigJobOrStop())}");
            obs.Add($"second: {Show.Term(await BigJobOrStop())}");
            // receive hello -> hello; {note, X} -> {note, X} end
            obs.Add($"third: {Show.Term(await self.Receive(m => Hello.Equals(m) || m is Note))}");
            obs.Add($"left: {Show.Term(self.Flush())}");
        }));

    [Fact]
    public Task save_queue_order() => Scenario.CheckAsync("receive/save_queue_order", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            for (var i = 1; i <= 8; i++) self.Send(self.Self, new Numbered(i));
            var evens = new List<int>();
            for (var k = 0; k < 4; k++) evens.Add((await self.Receive<Numbered>(m => m.N % 2 == 0)).N);
            obs.Add($"evens: {Show.Term(evens)}");
            obs.Add($"left: {Show.Term(self.Flush())}");

            var root = self.Self;
            self.Spawn(async me =>
            {
                await me.Sleep(TimeSpan.FromMilliseconds(10));
                foreach (var m in new[] { "a", "b", "go", "c" }) me.Send(root, new Atom(m));
            });
            await self.Receive(m => Go.Equals(m));
            obs.Add("got go");
            obs.Add($"left: {Show.Term(self.Flush())}");
        }));

    [Fact]
    public Task after_0() => Scenario.CheckAsync("receive/after_0", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var r1 = await self.Receive(_ => true, TimeSpan.Zero);
            obs.Add($"empty mailbox: {(r1 is null ? "timeout" : "got_something")}");
            self.Send(self.Self, new Atom("a"));
            var r2 = await self.Receive(m => m is Atom { Name: "a" }, TimeSpan.Zero);
            obs.Add($"a waiting: {(r2 is null ? "timeout" : "got_a")}");
            self.Send(self.Self, new Atom("b"));
            var r3 = await self.Receive(m => m is Atom { Name: "a" }, TimeSpan.Zero);
            obs.Add($"only b waiting: {(r3 is null ? "timeout" : "got_a")}");
            obs.Add($"left: {Show.Term(self.Flush())}");
        }));

    [Fact]
    public Task after_finite() => Scenario.CheckAsync("receive/after_finite", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var root = self.Self;
            var r1 = await self.Receive(m => m is "never", TimeSpan.FromMilliseconds(50));
            obs.Add($"nothing sent: {r1 ?? "timeout"}");
            self.Spawn(async me => { await me.Sleep(TimeSpan.FromMilliseconds(50)); me.Send(root, "early"); });
            var r2 = await self.Receive(m => m is "early", TimeSpan.FromMilliseconds(500));
            obs.Add($"sent in time: {r2 ?? "timeout"}");
            self.Spawn(async me => { await me.Sleep(TimeSpan.FromMilliseconds(300)); me.Send(root, "late"); });
            var r3 = await self.Receive(m => m is "late", TimeSpan.FromMilliseconds(50));
            obs.Add($"sent too late: {r3 ?? "timeout"}");
            var r4 = await self.Receive(m => m is "late");
            obs.Add($"later receive: {r4}");
        }));

    [Fact]
    public Task after_infinity() => Scenario.CheckAsync("receive/after_infinity", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var root = self.Self;
            self.Spawn(async me => { await me.Sleep(TimeSpan.FromMilliseconds(200)); me.Send(root, "finally"); });
            var r = await self.Receive(m => m is "finally", Timeout.InfiniteTimeSpan);
            obs.Add($"waited for: {r ?? "gave_up"}");
        }));

    [Fact]
    public Task flush() => Scenario.CheckAsync("receive/flush", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            foreach (var m in new object[] { new Atom("one"), (new Atom("two"), 2), (new Atom("three"), new[] { 1, 2, 3 }) })
                self.Send(self.Self, m);
            obs.Add($"flushed: {Show.Term(self.Flush())}");
            obs.Add($"then: {Show.Term(self.Flush())}");
            var r = await self.Receive(_ => true, TimeSpan.Zero);
            obs.Add($"mailbox: {(r is null ? "empty" : "something")}");
        }));

    [Fact]
    public Task guards() => Scenario.CheckAsync("receive/guards", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            foreach (var (level, name) in new[] { (3, "a"), (12, "b"), (7, "c"), (20, "d"), (11, "e") })
                self.Send(self.Self, new TaskAt(level, name));
            var order = new List<Atom>();
            while (await self.Receive(m => m is TaskAt { Level: > 10 }, TimeSpan.Zero) is TaskAt urgent) order.Add(urgent.Name);
            while (await self.Receive(m => m is TaskAt, TimeSpan.Zero) is TaskAt other) order.Add(other.Name);
            obs.Add($"order: {Show.Term(order)}");
        }));
}
