using Lab03.LinksAndMonitors;
using LabTests = Lab03.LinksAndMonitors.Tests;

namespace Labs.Alternatives.Tests.Lab03;

/// <summary>
/// Lab 3, task 1. Inherited: every test of the task, run on <see cref="PushedFatesChain"/>, a correct
/// answer that builds the chain in another order than the reference (so every pid differs); they
/// must pass. Declared here: the traced test on wrong answers whose outcome is right, which its
/// snapshot must reject.
/// </summary>
/// <remarks>The class keeps the lab's class name so that the snapshots are the lab's own.</remarks>
public sealed class ExitPropagationTests() : LabTests.ExitPropagationTests(PushedFatesChain.ObserveAsync)
{
    [Fact(Timeout = Lab.TestTimeout)]
    public Task Wrong_ASignalToTheWrongProcessFailsTheTrace() => Expect.SnapshotMismatch(
        On(WrongObservers.SignalsTheNextProcessAsync).Task1_HowTheSignalTravels,
        // Not the chain's process 1: the roles cannot be named, the raw pid shows.
        "test sends exit boom to <0.4.0>");

    [Fact(Timeout = Lab.TestTimeout)]
    public Task Wrong_APredictionPassedOffAsAnObservationFailsTheTrace() => Expect.SnapshotMismatch(
        On(WrongObservers.PredictsInsteadOfObservingAsync).Task1_HowTheSignalTravels,
        "-test sends exit boom to p1");

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Fair_TheWholeTraceWouldHaveRejectedTheAlternative()
    {
        // Without roles, the snapshot would pin the reference's pids: the raw traces differ.
        async Task<string> TraceOf(Func<Process, IReadOnlyList<bool>, int, ExitReason, Task<IReadOnlyList<string>>> answer) =>
            (await Lab.RunAsync(async self => await answer(self, [true, false, false, true, false], 1, ExitReason.Of("boom")))).Trace;
        Assert.NotEqual(await TraceOf(ExitPropagation.ObserveAsync), await TraceOf(PushedFatesChain.ObserveAsync));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Fair_EveryInterleavingOfEitherAnswerMatchesTheSnapshot()
    {
        foreach (var answer in new Func<Process, IReadOnlyList<bool>, int, ExitReason, Task<IReadOnlyList<string>>>[] { ExitPropagation.ObserveAsync, PushedFatesChain.ObserveAsync })
            foreach (var seed in Enumerable.Range(1, 10))
                await On(answer, seed).Task1_HowTheSignalTravels();
    }

    private static LabTests.ExitPropagationTests On(Func<Process, IReadOnlyList<bool>, int, ExitReason, Task<IReadOnlyList<string>>> answer, int? seed = null) =>
        new Answer(answer, seed);

    private sealed class Answer(Func<Process, IReadOnlyList<bool>, int, ExitReason, Task<IReadOnlyList<string>>> answer, int? seed)
        : LabTests.ExitPropagationTests(answer, seed);
}
