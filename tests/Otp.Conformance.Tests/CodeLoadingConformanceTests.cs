using Otp.CodeLoading;
using Otp.Compiler;
using Otp.Conformance.Tests.Harness;
using Otp.Terms;

namespace Otp.Conformance.Tests;

/// <summary>Erlang's two-version code loading rules, compared with code:load_binary, code:purge,
/// code:soft_purge and erlang:check_process_code in a real erl.</summary>
public class CodeLoadingConformanceTests
{
    private sealed record Ask(string What, Pid From);
    private sealed record Reply(string Text);

    // The same counter as the Erlang scenario's: only the version tag in its answer differs.
    private static string CounterSource(int version) => $$"""
        public static class Counter
        {
            public static string Bump(int count) => $"v{{version}} count {count}";
        }
        """;

    // spawn(counter, start, []): the loop is the host's; its "local calls" use the version it
    // entered, and `upgrade` is the fully qualified call counter:loop(N).
    private static Pid StartCounter(Process parent) => parent.Spawn(async self =>
    {
        var code = self.EnterModule("counter");
        var n = 0;
        while (true)
        {
            var ask = await self.Receive<Ask>();
            if (ask.What == "bump")
            {
                n++;
                self.Send(ask.From, new Reply(code.Function<Func<int, string>>("Counter.Bump")(n)));
            }
            else
            {
                self.Send(ask.From, new Reply("upgrade"));
                code = self.EnterModule("counter");
            }
        }
    });

    [Fact]
    public Task TwoVersionsPurgeAndFullyQualifiedCalls() => Scenario.CheckAsync("codeloading/versions", async (node, obs) =>
    {
        var code = node.Code;
        await node.RunAsync(async self =>
        {
            async Task AskAsync(Pid p, string what)
            {
                self.Send(p, new Ask(what, self.Self));
                obs.Add((await self.Receive<Reply>()).Text);
            }
            void InOld(params Pid[] pids) => obs.Add($"in old: {Term.Format(pids.Select(p => code.CheckProcessCode(p, "counter")).ToList())}");
            async Task DownAsync(Ref r) => obs.Add($"down: {(await self.Receive<Down>(d => d.Ref == r)).Reason}");
            void Load(int v) => code.LoadSource("counter", CounterSource(v));

            Load(1);
            obs.Add($"loaded v1: old={Term.Format(code.Old("counter") is not null)}");
            var a = StartCounter(self);
            var b = StartCounter(self);
            await AskAsync(a, "bump"); await AskAsync(b, "bump");
            Load(2);
            obs.Add($"loaded v2: old={Term.Format(code.Old("counter") is not null)}");
            InOld(a, b);
            await AskAsync(a, "bump");
            await AskAsync(a, "upgrade");
            await AskAsync(a, "bump");
            InOld(a, b);
            var c = StartCounter(self);
            await AskAsync(c, "bump");
            obs.Add($"soft_purge: {Term.Format(code.SoftPurge("counter"))}");
            var refB = self.Monitor(b);
            Load(3);
            await DownAsync(refB);
            obs.Add($"loaded v3: old={Term.Format(code.Old("counter") is not null)}");
            InOld(a, c);
            await AskAsync(a, "bump");
            await AskAsync(a, "upgrade");
            await AskAsync(a, "bump");
            await AskAsync(c, "upgrade");
            obs.Add($"soft_purge: {Term.Format(code.SoftPurge("counter"))}");
            obs.Add($"after soft purge: old={Term.Format(code.Old("counter") is not null)}");
            await AskAsync(c, "bump");
            Load(4);
            var refA = self.Monitor(a);
            obs.Add($"purge: {Term.Format(code.Purge("counter"))}");
            await DownAsync(refA);
            obs.Add($"after purge: old={Term.Format(code.Old("counter") is not null)}, C alive: {Term.Format(node.IsAlive(c))}");
            obs.Add($"purge again: {Term.Format(code.Purge("counter"))}");
        });
    });
}
