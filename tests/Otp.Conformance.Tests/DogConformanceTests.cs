using System.Text.RegularExpressions;
using Otp.Conformance.Tests.Harness;

namespace Otp.Conformance.Tests;

/// <summary>
/// The dog of chapter 5: a gen_statem dog in real Erlang (Scenarios/dog/dog.escript) runs every
/// event script of Lab 5 (tests/Lab05.DogStateMachine.Tests/Scripts), and what it says and the
/// state it is in after each step must equal the lab's verified snapshots, which the reference C#
/// dog produces under the virtual clock. So the C# dog, the snapshots and Erlang agree.
/// </summary>
public partial class DogConformanceTests
{
    private static readonly string LabTests = Path.Combine(RepoPaths.Root, "tests", "Lab05.DogStateMachine.Tests");

    // The Erlang dog runs on real (scaled) time, so a heavily loaded machine can delay one of its
    // timers past a step. A real difference in behaviour shows in every run; a disturbed run
    // does not repeat. So a script that differs is run again, up to this many runs in all.
    private const int Runs = 3;

    [Fact]
    public async Task TheErlangDogSaysWhatTheVerifiedSnapshotsSay()
    {
        var scripts = Directory.GetFiles(Path.Combine(LabTests, "Scripts"), "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList();
        Assert.True(scripts.Count >= 6, "the event scripts are missing");
        var verified = scripts.ToDictionary(s => s, s =>
            File.ReadAllText(Directory.GetFiles(LabTests, $"*.{s}.verified.txt").Single()).TrimStart('\uFEFF')
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList());

        var differing = new Dictionary<string, List<string>>();
        var pending = scripts.ToHashSet();
        for (var run = 0; run < Runs && pending.Count > 0; run++)
        {
            var sections = Split(await ErlangRunner.RunAsync("dog/dog"));
            Assert.Equal(scripts, sections.Keys.Order().ToList());
            foreach (var script in pending.ToList())
            {
                if (sections[script].SequenceEqual(verified[script])) pending.Remove(script);
                else differing[script] = sections[script];
            }
        }
        foreach (var script in pending) Scenario.AssertSame($"dog/{script} (in each of {Runs} runs)", differing[script], verified[script]);
    }

    private static Dictionary<string, List<string>> Split(IReadOnlyList<string> lines)
    {
        var sections = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            var header = Header().Match(line);
            if (header.Success) sections[header.Groups[1].Value] = current = [];
            else (current ?? throw new InvalidOperationException($"output before the first script header: {line}")).Add(line);
        }
        return sections;
    }

    [GeneratedRegex(@"^### (\S+)$")]
    private static partial Regex Header();
}
