using Lab01.Processes;
using LabTests = Lab01.Processes.Tests;

namespace Labs.Alternatives.Tests.Lab01;

/// <summary>
/// Lab 1, task 3. Inherited: every test of the task, run on <see cref="ArrivalOrderFanOut"/>, a
/// correct answer that takes the answers in another order than the reference; they must pass.
/// Declared here: the same tests on wrong answers, which must fail for the reason the task gives.
/// </summary>
/// <remarks>The class keeps the lab's class name so that the snapshots are the lab's own.</remarks>
public sealed class FanOutTests() : LabTests.FanOutTests(ArrivalOrderFanOut.SquareAllAsync)
{
    [Fact(Timeout = Lab.TestTimeout)]
    public Task Wrong_SpawningInReverseJobOrderFailsTheTrace() => Expect.SnapshotMismatch(
        On(WrongFanOuts.ReverseSpawnAsync).Task3_AnswersComeBackInJobOrder,
        // The first worker spawned got the last job.
        "<0.2.0> ! test JobDone { Worker = <0.2.0>, Output = 25 }");

    [Fact(Timeout = Lab.TestTimeout)]
    public Task Wrong_OneWorkerAtATimeFailsTheTraceAndTheClock() => Task.WhenAll(
        Expect.SnapshotMismatch(On(WrongFanOuts.OneAtATimeAsync).Task3_AnswersComeBackInJobOrder,
            "3.000s  test spawns <0.3.0>"),
        Expect.AssertionFails(On(WrongFanOuts.OneAtATimeAsync).Task3_WorkersRunAtTheSameTime, "00:00:06"));

    [Fact(Timeout = Lab.TestTimeout)]
    public Task Wrong_AnswersInArrivalOrderFailTheResult() =>
        Expect.AssertionFails(On(WrongFanOuts.ArrivalOrderResultAsync).Task3_AnswersComeBackInJobOrder, "25");

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Fair_TheWholeTraceWouldHaveRejectedTheAlternative()
    {
        // Without a view, the snapshot would pin the reference's order: the raw traces differ.
        Job[] jobs = [new("a", 3, TimeSpan.FromSeconds(3)), new("b", 4, TimeSpan.FromSeconds(2)), new("c", 5, TimeSpan.FromSeconds(1))];
        async Task<string> TraceOf(Func<Process, IReadOnlyList<Job>, Task<IReadOnlyList<int>>> answer) =>
            (await Lab.RunAsync(async self => await answer(self, jobs))).Trace;
        Assert.NotEqual(await TraceOf(FanOut.SquareAllAsync), await TraceOf(ArrivalOrderFanOut.SquareAllAsync));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Fair_EveryInterleavingOfEitherAnswerMatchesTheSnapshot()
    {
        foreach (var answer in new Func<Process, IReadOnlyList<Job>, Task<IReadOnlyList<int>>>[] { FanOut.SquareAllAsync, ArrivalOrderFanOut.SquareAllAsync })
            foreach (var seed in Enumerable.Range(1, 10))
                await On(answer, seed).Task3_AnswersComeBackInJobOrder();
    }

    private static LabTests.FanOutTests On(Func<Process, IReadOnlyList<Job>, Task<IReadOnlyList<int>>> answer, int? seed = null) => new Answer(answer, seed);

    private sealed class Answer(Func<Process, IReadOnlyList<Job>, Task<IReadOnlyList<int>>> answer, int? seed)
        : LabTests.FanOutTests(answer, seed);
}
