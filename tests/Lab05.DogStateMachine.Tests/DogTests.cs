using Lab05.DogStateMachine;

namespace Lab05.DogStateMachine.Tests;

/// <summary>Tasks 1 and 2: each test runs the event script of its own name (Scripts/) and compares
/// the dog's narration and state after every step with the verified snapshot, which is also what
/// the Erlang gen_statem dog prints for the same script.</summary>
public class DogTests
{
    private static Task<string> Run(string script) => DogScript.RunAsync(say => new Dog(say), script);

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_EveryTransition() => await Verify(await Run(nameof(Task1_EveryTransition)));

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_EveryConfusedCase() => await Verify(await Run(nameof(Task1_EveryConfusedCase)));

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_StopWhileSitting() => await Verify(await Run(nameof(Task1_StopWhileSitting)));

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_TheDiagramDeclaresEveryTransition()
    {
        var diagram = new Dog(_ => { }).Diagram(DogState.Barking, "the dog");
        Assert.StartsWith("<svg", diagram.Svg);
        await Verify(diagram.Text);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_BarksEveryTwoSeconds() => await Verify(await Run(nameof(Task2_BarksEveryTwoSeconds)));

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_WagsThirtySecondsThenBarks() => await Verify(await Run(nameof(Task2_WagsThirtySecondsThenBarks)));

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_SitsForEver() => await Verify(await Run(nameof(Task2_SitsForEver)));
}
