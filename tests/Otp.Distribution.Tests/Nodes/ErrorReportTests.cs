using System.Text.RegularExpressions;
using Otp.Modules;

namespace Otp.Distribution.Tests.Nodes;

/// <summary>
/// A process spawned from erl that ends with an error is reported on the spawner's node (its
/// group leader's), as erts reports it: erl's logger prints <c>=ERROR REPORT====</c> and
/// "Error in process ... on node ... with exit value:" there. An exit (<c>exit/1</c>) is not an
/// error and is not reported. One erl driver spawns the same crashes on an erl peer and on the C#
/// node, and the reports it prints must be the same, up to pids, node names and times.
/// </summary>
public partial class ErrorReportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private const string DriverCrashes = """
        Crash = fun(Tag, T) ->
            io:format("~s begin~n", [Tag]),
            {P1, R1} = spawn_monitor(T, nomod, nofun, [1]),
            receive {'DOWN', R1, process, P1, _} -> ok after 10000 -> io:format("~s no DOWN~n", [Tag]) end,
            {P2, R2} = spawn_monitor(T, erlang, exit, [boom]),
            receive {'DOWN', R2, process, P2, _} -> ok after 10000 -> io:format("~s no DOWN~n", [Tag]) end,
            {P3, R3} = spawn_monitor(T, erlang, apply, [nomod, nofun, []]),
            receive {'DOWN', R3, process, P3, _} -> ok after 10000 -> io:format("~s no DOWN~n", [Tag]) end,
            timer:sleep(1000), % the logger prints asynchronously
            io:format("~s end~n", [Tag])
        end,
        """;

    [Fact]
    public async Task A_crash_spawned_from_erl_is_reported_on_the_erl_node_as_for_an_erl_peer()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs");
        var peerName = cluster.NameOf("peer");
        await using var peer = ErlNode.Start(cluster, peerName, "io:format(\"up~n\"), receive stop -> ok end.");
        await peer.LineAsync("up");
        await using var driver = ErlNode.Start(cluster, cluster.NameOf("drv"), DriverCrashes + $"""
            Crash("erl", '{peerName}'),
            Crash("cs", '{cs.Name}'),
            io:format("all done~n"),
            receive stop -> ok end.
            """);
        await driver.LineAsync("all done", Wait);
        var erl = Section(driver.Seen, "erl", peerName);
        var csharp = Section(driver.Seen, "cs", cs.Name);
        Assert.Equal(
        [
            "=ERROR REPORT====",
            "Error in process <PID> on node T with exit value:",
            "{undef,[{nomod,nofun,[1],[]}]}",
            "",
            "=ERROR REPORT====",
            "Error in process <PID> on node T with exit value:",
            "{undef,[{nomod,nofun,[],[]}]}",
            "",
        ], erl);
        Assert.Equal(erl, csharp);
    }

    [Fact]
    public async Task A_crash_spawned_from_the_csharp_node_on_erl_is_reported_on_the_csharp_node()
    {
        await using var cluster = TestCluster.Start();
        var output = new StringWriter();
        var cs = await cluster.StartNodeAsync("cs", tweak: o => o with { StandardOutput = TextWriter.Synchronized(output) });
        var erlName = cluster.NameOf("erl");
        await using var erl = ErlNode.Start(cluster, erlName, "io:format(\"up~n\"), receive stop -> ok end.");
        await erl.LineAsync("up");
        await cs.RunAsync(async self =>
        {
            var (_, crashed) = await self.SpawnMonitorAsync(erlName, "nomod", "nofun", 1);
            await self.Receive(m => m is Down d && d.Ref.Equals(crashed), Wait);
            var (_, exited) = await self.SpawnMonitorAsync(erlName, "erlang", "exit", new Atom("boom"));
            await self.Receive(m => m is Down d && d.Ref.Equals(exited), Wait);
        }, Wait);
        // The report travels on its own (erl's logger_proxy is not ordered with the DOWN): wait
        // for it, a bounded number of times.
        for (var i = 0; i < 100 && !output.ToString().Contains("{undef", StringComparison.Ordinal); i++) await Task.Delay(100, TestContext.Current.CancellationToken);
        var lines = output.ToString().Split('\n').Select(l => Pid().Replace(l, "<PID>").Replace(erlName, "T")).ToList();
        Assert.StartsWith("=ERROR REPORT==== ", lines[0]);
        Assert.Equal(["Error in process <PID> on node T with exit value:", "{undef,[{nomod,nofun,[1],[]}]}", "", ""], lines[1..]);
    }

    // The lines between "Tag begin" and "Tag end", with pids, the target's name and the
    // report's time stamp taken out.
    private static List<string> Section(IReadOnlyList<string> seen, string tag, string target)
    {
        var lines = seen.SkipWhile(l => l != $"{tag} begin").Skip(1).TakeWhile(l => l != $"{tag} end");
        return [.. lines.Where(l => !l.StartsWith("stderr:", StringComparison.Ordinal))
            .Select(l => Pid().Replace(l, "<PID>").Replace(target, "T"))
            .Select(l => l.StartsWith("=ERROR REPORT====", StringComparison.Ordinal) ? "=ERROR REPORT====" : l)];
    }

    [GeneratedRegex(@"<[\w@.-]+?\.\d+\.\d+>")]
    private static partial Regex Pid();
}
