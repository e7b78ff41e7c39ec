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

    private static LabTests.ExitPropagationTests On(Func<Process, IReadOnlyList<bool>, int, ExitReason, Task<IReadOnlyList<string>>> answer) => new Answer(answer);

    private sealed class Answer(Func<Process, IReadOnlyList<bool>, int, ExitReason, Task<IReadOnlyList<string>>> answer) : LabTests.ExitPropagationTests(answer);
}
