using Lab01.Processes;
using LabTests = Lab01.Processes.Tests;

namespace Labs.Alternatives.Tests.Lab01;

/// <summary>Lab 1, task 1: the two-client test, whose snapshot shows each process's own events, on
/// a wrong echo whose clients all get the right answer; the snapshot must reject it.</summary>
/// <remarks>The class keeps the lab's class name so that the snapshots are the lab's own. It does
/// not inherit the lab's tests: a batching echo would wait for ever with one client.</remarks>
public sealed class EchoTests
{
    [Fact(Timeout = Lab.TestTimeout)]
    public Task Wrong_AnEchoThatTakesTwoRequestsBeforeAnsweringFailsTheTrace() => Expect.SnapshotMismatch(
        new Answer(BatchingEcho.Start, Echo.AskAsync).Task1_EachClientGetsItsOwnAnswer,
        // It took bob's request before answering ann's.
        "+   0.000s  echo receives EchoRequest { From = <0.4.0>, Text = hi from bob }");

    private sealed class Answer(Func<Process, Pid> start, Func<Process, Pid, string, Task<string>> ask) : LabTests.EchoTests(start, ask);
}
