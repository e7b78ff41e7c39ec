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

    private static LabTests.FanOutTests On(Func<Process, IReadOnlyList<Job>, Task<IReadOnlyList<int>>> answer) => new Answer(answer);

    private sealed class Answer(Func<Process, IReadOnlyList<Job>, Task<IReadOnlyList<int>>> answer) : LabTests.FanOutTests(answer);
}
