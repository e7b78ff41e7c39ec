using System.Text;

namespace Otp.Conformance.Tests.Harness;

/// <summary>Runs a scenario in Erlang and in C# and compares what each observed.</summary>
public static class Scenario
{
    /// <summary>How long one C# run may take (wall clock) before it counts as hung.</summary>
    public static TimeSpan RunLimit { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs the Erlang scenario <paramref name="scenario"/> with escript and the C#
    /// <paramref name="body"/> on a fresh deterministic node, then asserts that both printed the
    /// same lines in the same order.
    /// </summary>
    public static Task CheckAsync(string scenario, Func<Node, Observations, Task> body) =>
        CheckAsync(scenario, Runs.Deterministic, body);

    /// <summary>
    /// As <see cref="CheckAsync(string, Func{Node, Observations, Task})"/>, but runs the C# half
    /// once on each node of <paramref name="nodes"/> (see <see cref="Runs"/>); every run must print
    /// the Erlang lines. Use <see cref="Runs.AnyInterleaving"/> for a scenario whose output does
    /// not depend on how its processes interleave (as a correct Erlang program's must not).
    /// </summary>
    public static async Task CheckAsync(string scenario, IReadOnlyList<NodeOptions> nodes, Func<Node, Observations, Task> body)
    {
        var erlang = await ErlangRunner.RunAsync(scenario);
        Assert.NotEmpty(erlang);
        var erlangRuns = 1;
        foreach (var options in nodes)
        {
            var csharp = await RunCSharpAsync(body, options);
            // The Erlang side runs in real time, and scenarios about timeouts can be thrown off
            // by a loaded machine (a 50 ms sleep that takes 600 ms). When the outputs differ, the
            // Erlang side runs again, up to ErlangRuns times in all; the C# side must match one of
            // them. A wrong C# runtime still fails: a real difference shows in every Erlang run.
            while (!erlang.SequenceEqual(csharp) && erlangRuns < ErlangRuns)
            {
                erlangRuns++;
                var again = await ErlangRunner.RunAsync(scenario);
                if (again.SequenceEqual(csharp)) erlang = again;
            }
            AssertSame(scenario, erlang, csharp, Runs.Describe(options));
        }
    }

    /// <summary>At most how many times the Erlang side of one scenario runs when its output
    /// differs from the C# side's (see <see cref="CheckAsync(string, IReadOnlyList{NodeOptions}, Func{Node, Observations, Task})"/>).</summary>
    public const int ErlangRuns = 3;

    /// <summary>Runs the C# half alone on a fresh node with <paramref name="options"/>
    /// (deterministic by default).</summary>
    public static async Task<IReadOnlyList<string>> RunCSharpAsync(Func<Node, Observations, Task> body, NodeOptions? options = null)
    {
        using var node = Node.Start(options ?? Runs.Deterministic[0]);
        var obs = new Observations();
        var run = body(node, obs);
        if (await Task.WhenAny(run, Task.Delay(RunLimit)) != run)
            obs.Add($"<the C# scenario did not finish within {RunLimit.TotalSeconds} s>");
        else if (run.Exception?.InnerException is { } ex)
            // Shown as a line so that the diff still shows how far the scenario got.
            obs.Add($"<the C# scenario threw {ex.GetType().Name}: {ex.Message}>");
        return obs.Lines;
    }

    /// <summary>Fails with a side-by-side listing if the two sequences differ.</summary>
    public static void AssertSame(string scenario, IReadOnlyList<string> erlang, IReadOnlyList<string> csharp, string? run = null)
    {
        if (erlang.SequenceEqual(csharp)) return;
        var on = run is null ? "" : $" on a {run}";
        var sb = new StringBuilder($"Scenario '{scenario}': C#{on} differs from Erlang/OTP.\n");
        var n = Math.Max(erlang.Count, csharp.Count);
        for (var i = 0; i < n; i++)
        {
            var e = i < erlang.Count ? erlang[i] : "<missing>";
            var c = i < csharp.Count ? csharp[i] : "<missing>";
            sb.Append(e == c ? "   " : ">> ").Append($"{i + 1,3}  erlang: {e}\n").Append(e == c ? "   " : ">> ").Append($"     c#:     {c}\n");
        }
        Assert.Fail(sb.ToString());
    }
}
