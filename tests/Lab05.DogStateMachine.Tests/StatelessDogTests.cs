using Lab05.DogStateMachine;

namespace Lab05.DogStateMachine.Tests;

/// <summary>Task 4: the Stateless dog. It plays the event scripts of tasks 1 and 2 and must say
/// exactly what the gen_statem dog says: each test compares with the <see cref="DogTests"/>
/// snapshot of the same script (which the Erlang dog prints too).</summary>
public class StatelessDogTests
{
    private static async Task Same(string script)
    {
        var transcript = await DogScript.RunAsync(DogUnderTest.Stateless, script);
        await VerifyAgainst(transcript, $"{nameof(DogTests)}.{script}", method: $"Task4_{script[(script.IndexOf('_') + 1)..]}");
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public Task Task4_EveryTransition() => Same(nameof(DogTests.Task1_EveryTransition));

    [Fact(Timeout = Lab.TestTimeout)]
    public Task Task4_EveryConfusedCase() => Same(nameof(DogTests.Task1_EveryConfusedCase));

    [Fact(Timeout = Lab.TestTimeout)]
    public Task Task4_StopWhileSitting() => Same(nameof(DogTests.Task1_StopWhileSitting));

    [Fact(Timeout = Lab.TestTimeout)]
    public Task Task4_BarksEveryTwoSeconds() => Same(nameof(DogTests.Task2_BarksEveryTwoSeconds));

    [Fact(Timeout = Lab.TestTimeout)]
    public Task Task4_WagsThirtySecondsThenBarks() => Same(nameof(DogTests.Task2_WagsThirtySecondsThenBarks));

    [Fact(Timeout = Lab.TestTimeout)]
    public Task Task4_SitsForEver() => Same(nameof(DogTests.Task2_SitsForEver));

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_TheTableHoldsTheDogsTransitions()
    {
        // Read back from Stateless itself, so the table is what the machine really does.
        var dog = new StatelessDog(_ => { });
        var table = string.Join("\n", dog.Transitions.Select(t => $"{t.From} --{t.Event}--> {t.To}").Order(StringComparer.Ordinal));
        Assert.StartsWith("<svg", dog.Diagram("the Stateless dog").Svg);
        await Verify(table);
    }
}
