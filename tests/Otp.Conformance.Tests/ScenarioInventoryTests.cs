using Otp.Conformance.Tests.Harness;

namespace Otp.Conformance.Tests;

/// <summary>Every Erlang scenario has its C# twin and its row in docs/conformance.md, and every C#
/// twin names a scenario that exists.</summary>
public class ScenarioInventoryTests
{
    private static readonly string Project = Path.Combine(RepoPaths.Root, "tests", "Otp.Conformance.Tests");

    private static List<string> ErlangScenarios() =>
        [.. Directory.GetFiles(Path.Combine(Project, "Scenarios"), "*.escript", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(Project, "Scenarios"), f).Replace('\\', '/')[..^".escript".Length])
            .Order(StringComparer.Ordinal)];

    private static string CSharpTwins() =>
        string.Concat(Directory.GetFiles(Project, "*ConformanceTests.cs").Select(File.ReadAllText));

    [Fact]
    public void Every_escript_has_a_csharp_twin()
    {
        var sources = CSharpTwins();
        // A twin either runs both halves with Scenario.CheckAsync, or (the dog of chapter 5) runs the
        // Erlang half with ErlangRunner.RunAsync and compares it with what the C# half committed.
        var missing = ErlangScenarios().Where(s => !sources.Contains($"Scenario.CheckAsync(\"{s}\"")
            && !sources.Contains($"ErlangRunner.RunAsync(\"{s}\"")).ToList();
        Assert.True(missing.Count == 0, "Erlang scenarios without a C# twin: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_csharp_twin_names_an_existing_escript()
    {
        var scenarios = ErlangScenarios();
        var named = System.Text.RegularExpressions.Regex.Matches(CSharpTwins(), "(?:Scenario\\.CheckAsync|ErlangRunner\\.RunAsync)\\(\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(named);
        Assert.Empty(named.Except(scenarios));
    }

    /// <summary>The areas of the runtime's core semantics, whose table docs/conformance.md keeps
    /// complete. (Chapters that add scenarios for behaviours document them beside their code.)</summary>
    private static readonly string[] CoreAreas = ["processes", "receive", "registry", "links", "monitors", "timers"];

    [Fact]
    public void Every_core_scenario_is_in_the_table_of_docs_conformance_md()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "conformance.md"));
        var missing = ErlangScenarios()
            .Where(s => CoreAreas.Contains(s.Split('/')[0]) && !doc.Contains($"| `{s}.escript` |")).ToList();
        Assert.True(missing.Count == 0, "scenarios missing from docs/conformance.md: " + string.Join(", ", missing));
    }
}
