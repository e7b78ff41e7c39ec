using System.Text.RegularExpressions;

namespace Lab03.LinksAndMonitors.Tests;

public partial class ExitPropagationTests
{
    private readonly Func<Process, IReadOnlyList<bool>, int, ExitReason, Task<IReadOnlyList<string>>> observe;
    private readonly int? seed;

    /// <summary>The tests of your <see cref="ExitPropagation.ObserveAsync"/>.</summary>
    public ExitPropagationTests() : this(ExitPropagation.ObserveAsync) { }

    /// <summary>The same tests on another implementation of <c>ObserveAsync</c>, and optionally
    /// another interleaving (<paramref name="seed"/>): tests/Labs.Alternatives.Tests runs them on
    /// other correct answers, which must pass, and on wrong ones, which must fail.</summary>
    protected ExitPropagationTests(Func<Process, IReadOnlyList<bool>, int, ExitReason, Task<IReadOnlyList<string>>> observe, int? seed = null) =>
        (this.observe, this.seed) = (observe, seed);

    // Chains of five; T marks a process that traps exits.
    public static TheoryData<string, int, string, string> Cases => new()
    {
        { "-----", 2, "boom", "exits boom, exits boom, exits boom, exits boom, exits boom" },
        { "T---T", 2, "boom", "traps boom, exits boom, exits boom, exits boom, traps boom" },
        { "-T-T-", 2, "boom", "alive, traps boom, exits boom, traps boom, alive" },
        { "--T--", 2, "boom", "alive, alive, traps boom, alive, alive" },
        { "--T--", 2, "kill", "exits killed, exits killed, exits killed, exits killed, exits killed" },
        { "-T-T-", 2, "kill", "alive, traps killed, exits killed, traps killed, alive" },
        { "-----", 0, "kill", "exits killed, exits killed, exits killed, exits killed, exits killed" },
        { "-----", 3, "normal", "alive, alive, alive, alive, alive" },
        { "---T-", 3, "normal", "alive, alive, alive, traps normal, alive" },
        { "T----", 4, "shutdown", "traps shutdown, exits shutdown, exits shutdown, exits shutdown, exits shutdown" },
    };

    private static bool[] Traps(string chain) => [.. chain.Select(c => c == 'T')];

    [Theory(Timeout = Lab.TestTimeout)]
    [MemberData(nameof(Cases))]
    public void Task1_PredictionFollowsTheRules(string chain, int target, string reason, string expected)
    {
        var predicted = ExitPropagation.Predict(Traps(chain), target, ExitReason.Of(reason));
        Assert.Equal(expected, string.Join(", ", predicted));
    }

    [Theory(Timeout = Lab.TestTimeout)]
    [MemberData(nameof(Cases))]
    public async Task Task1_TheRuntimeAgrees(string chain, int target, string reason, string expected)
    {
        var run = await Lab.RunAsync(self => observe(self, Traps(chain), target, ExitReason.Of(reason)));
        Assert.Equal(expected, string.Join(", ", run.Result));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_HowTheSignalTravels()
    {
        var run = await Lab.RunAsync(async self =>
        {
            self.Node.Trace!.Label(self.Self, "test");
            return await observe(self, Traps("T--T-"), 1, ExitReason.Of("boom"));
        }, seed: seed);
        Assert.Equal("traps boom, exits boom, exits boom, traps boom, alive", string.Join(", ", run.Result));
        // Only the signal and the chain's exits: who died, with what, in which order. Processes are
        // named by their place in the chain (p0 ... p4), found from the links, not by pid: the task
        // does not say in which order to spawn the chain, nor forbid other processes of your own.
        var roles = ChainRoles(run.Trace, length: 5, target: 1);
        bool InChain(string line) => roles.Count == 0
            ? !line.StartsWith("test ", StringComparison.Ordinal)
            : roles.Values.Any(r => line.StartsWith(r + " ", StringComparison.Ordinal));
        var named = TraceText.WithoutTimes(TraceText.Rename(run.Trace, roles));
        await Verify(TraceText.Keep(named, l => l.Contains(" sends exit ") || (l.Contains(" exits ") && InChain(l))));
    }

    /// <summary>Names the chain's processes p0, p1, ... by their place in the chain: the processes
    /// linked to one another in a line, oriented so that the one the test sent the exit signal to
    /// is at <paramref name="target"/>. Empty when the trace shows no such chain (the snapshot then
    /// shows raw pids and fails).</summary>
    private static Dictionary<string, string> ChainRoles(string trace, int length, int target)
    {
        var links = new Dictionary<string, HashSet<string>>();
        void Add(string a, string b)
        {
            if (!links.TryGetValue(a, out var set)) links[a] = set = [];
            set.Add(b);
        }
        foreach (Match m in LinkLine().Matches(trace))
        {
            Add(m.Groups["a"].Value, m.Groups["b"].Value);
            Add(m.Groups["b"].Value, m.Groups["a"].Value);
        }
        if (SignalLine().Match(trace) is not { Success: true } signal) return [];
        var hit = signal.Groups["to"].Value;
        // Walk the line of links from one end to the other.
        var end = links.Keys.FirstOrDefault(p => links[p].Count == 1 && Reaches(links, p, hit));
        if (end is null) return [];
        List<string> chain = [end];
        for (string? previous = null, current = end; ;)
        {
            var next = links[current].FirstOrDefault(n => n != previous);
            if (next is null || chain.Contains(next)) break;
            chain.Add(next);
            (previous, current) = (current, next);
        }
        if (chain.Count != length) return [];
        if (chain.IndexOf(hit) != target) chain.Reverse();
        if (chain.IndexOf(hit) != target) return [];
        return chain.Select((pid, i) => (pid, i)).ToDictionary(x => x.pid, x => $"p{x.i}");
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> links, string from, string to)
    {
        var seen = new HashSet<string> { from };
        var todo = new Queue<string>([from]);
        while (todo.TryDequeue(out var p))
        {
            if (p == to) return true;
            foreach (var n in links[p]) if (seen.Add(n)) todo.Enqueue(n);
        }
        return false;
    }

    [GeneratedRegex(@"(?m)(?<a><[0-9.]+>) (?:links|spawns and links) (?<b><[0-9.]+>)$")]
    private static partial Regex LinkLine();

    [GeneratedRegex(@"(?m)test sends exit \S+ to (?<to><[0-9.]+>)$")]
    private static partial Regex SignalLine();
}
