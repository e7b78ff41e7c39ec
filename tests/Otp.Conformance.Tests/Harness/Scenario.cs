using System.Text;

namespace Otp.Conformance.Tests.Harness;

/// <summary>Runs a scenario in Erlang and in C# and compares what each observed.</summary>
public static class Scenario
{
    /// <summary>
    /// Runs the Erlang scenario <paramref name="scenario"/> with escript and the C#
    /// <paramref name="body"/> on a fresh deterministic node, then asserts that both printed the
    /// same lines in the same order.
    /// </summary>
    public static async Task CheckAsync(string scenario, Func<Node, Observations, Task> body)
    {
        var erlang = await ErlangRunner.RunAsync(scenario);
        var csharp = await RunCSharpAsync(body);
        AssertSame(scenario, erlang, csharp);
    }

    /// <summary>Runs the C# half alone on a deterministic node.</summary>
    public static async Task<IReadOnlyList<string>> RunCSharpAsync(Func<Node, Observations, Task> body)
    {
        using var node = Node.StartDeterministic();
        var obs = new Observations();
        await body(node, obs);
        return obs.Lines;
    }

    /// <summary>Fails with a side-by-side listing if the two sequences differ.</summary>
    public static void AssertSame(string scenario, IReadOnlyList<string> erlang, IReadOnlyList<string> csharp)
    {
        if (erlang.SequenceEqual(csharp)) return;
        var sb = new StringBuilder($"Scenario '{scenario}': C# differs from Erlang/OTP.\n");
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
