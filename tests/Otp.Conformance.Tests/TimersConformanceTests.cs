using Otp.Conformance.Tests.Harness;

namespace Otp.Conformance.Tests;

/// <summary>receive ... after, erlang:send_after/3, erlang:cancel_timer/1, timer:sleep/1. Each runs on
/// the virtual clock and on a real-time node; timers that race are 300 ms apart, so that a busy
/// machine does not reorder them in real time (Erlang's run is in real time too).</summary>
public class TimersConformanceTests
{
    private sealed record TimedOut(int Ms);
    private sealed record Tick(int Ms);
    private sealed record OtherGot(object Message);
    private sealed record Woke(int Ms);

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public Task receive_after() => Scenario.CheckAsync("timers/receive_after", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var root = self.Self;
            foreach (var t in new[] { 700, 100, 400 })
                self.Spawn(async me =>
                {
                    if (await me.Receive(m => m is "never", Ms(t)) is null) me.Send(root, new TimedOut(t));
                });
            var order = new List<int>();
            for (var i = 0; i < 3; i++) order.Add((await self.Receive<TimedOut>()).Ms);
            obs.Add($"timeouts in order: {Show.Term(order)}");
            var p = self.Spawn(async me =>
                me.Send(root, await me.Receive(m => m is "ping", Ms(200)) is null ? "timed_out" : "got_ping"));
            self.Send(p, "ping");
            obs.Add($"message in time: {await self.Receive()}");
            obs.Add($"then: {await self.Receive(_ => true, Ms(400)) ?? "nothing_more"}");
        }));

    [Fact]
    public Task send_after() => Scenario.CheckAsync("timers/send_after", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            foreach (var d in new[] { 700, 100, 400 }) self.SendAfter(Ms(d), self.Self, new Tick(d));
            var ticks = new List<int>();
            for (var i = 0; i < 3; i++) ticks.Add((await self.Receive<Tick>()).Ms);
            obs.Add($"ticks: {Show.Term(ticks)}");
            var root = self.Self;
            var other = self.Spawn(async me => me.Send(root, new OtherGot(await me.Receive())));
            var t = self.SendAfter(Ms(50), other, new Atom("hello"));
            obs.Add($"a timer reference: {Show.Term(t is not null)}");
            obs.Add($"other got: {Show.Term((await self.Receive<OtherGot>()).Message)}");
            self.SendAfter(Ms(200), root, "late");
            obs.Add($"before its time: {(await self.Receive(m => m is "late", Ms(50)) is null ? "not_yet" : "arrived")}");
            await self.Receive(m => m is "late");
            obs.Add("later: late");
        }));

    [Fact]
    public Task cancel_timer() => Scenario.CheckAsync("timers/cancel_timer", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var t = self.SendAfter(Ms(200), self.Self, "never");
            var left = self.CancelTimer(t);
            obs.Add($"time left is a number: {Show.Term(left is not null)}, at most 200: {Show.Term(left <= Ms(200))}");
            var r = await self.Receive(m => m is "never", Ms(400));
            obs.Add($"after its time: {(r is null ? "no_message" : "arrived")}");
            obs.Add($"cancel again: {Show.Term(self.CancelTimer(t) is not null)}");
            var t2 = self.SendAfter(Ms(10), self.Self, new Atom("fired"));
            await self.UntilQueuedAsync(1);
            obs.Add($"cancel a fired timer: {Show.Term(self.CancelTimer(t2) is not null)}");
            obs.Add($"mailbox: {Show.Term(self.Flush())}");
        }));

    [Fact]
    public Task sleep() => Scenario.CheckAsync("timers/sleep", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            self.Send(self.Self, new Atom("before_sleep"));
            await self.Sleep(Ms(100));
            obs.Add("sleep returns: ok");
            obs.Add($"mailbox kept: {Show.Term(self.Flush())}");
            var root = self.Self;
            foreach (var t in new[] { 700, 100, 400 })
                self.Spawn(async me => { await me.Sleep(Ms(t)); me.Send(root, new Woke(t)); });
            var woke = new List<int>();
            for (var i = 0; i < 3; i++) woke.Add((await self.Receive<Woke>()).Ms);
            obs.Add($"woke: {Show.Term(woke)}");
            await self.Sleep(TimeSpan.Zero);
            obs.Add("sleep(0): ok");
        }));
}
