namespace Lab03.LinksAndMonitors.Tests;

public class ExitPropagationTests
{
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
        var run = await Lab.RunAsync(self => ExitPropagation.ObserveAsync(self, Traps(chain), target, ExitReason.Of(reason)));
        Assert.Equal(expected, string.Join(", ", run.Result));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_HowTheSignalTravels()
    {
        var run = await Lab.RunAsync(async self =>
        {
            self.Node.Trace!.Label(self.Self, "test");
            return await ExitPropagation.ObserveAsync(self, Traps("T--T-"), 1, ExitReason.Of("boom"));
        });
        Assert.Equal("traps boom, exits boom, exits boom, traps boom, alive", string.Join(", ", run.Result));
        // Only the chain's exits: who died, with what, in which order (p0 is the first process spawned).
        await Verify(TraceText.WithoutTimes(TraceText.Keep(run.Trace,
            l => (l.Contains(" exits ") || l.Contains(" sends exit ")) && !l.Contains("test exits"))));
    }
}
