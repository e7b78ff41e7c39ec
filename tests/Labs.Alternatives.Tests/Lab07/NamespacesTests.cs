using Lab07.ReplicatedKv;
using LabTests = Lab07.ReplicatedKv.Tests;

namespace Labs.Alternatives.Tests.Lab07;

/// <summary>Lab 7, task 2, on a wrong answer: the check-then-start lookup must fail the test of two
/// first writers (so that test can see the race it is about).</summary>
public sealed class NamespacesTests
{
    [Fact(Timeout = Lab.TestTimeout)]
    public Task Wrong_CheckThenStartMakesTwoStores() =>
        Expect.AssertionFails(
            new Answer(new(Namespaces.StartAsync, CheckThenStartNamespaces.StoreAsync, CheckThenStartNamespaces.SetAsync, Namespaces.GetAsync, Namespaces.DeleteAsync))
                .Task2_TwoFirstWritersEndWithOneStoreAndBothWrites,
            "children 2");

    private sealed class Answer(LabTests.NamespacesTests.Api api) : LabTests.NamespacesTests(api);
}
