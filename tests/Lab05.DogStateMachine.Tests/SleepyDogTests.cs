using Lab05.DogStateMachine;

namespace Lab05.DogStateMachine.Tests;

/// <summary>Task 3: the sleepy dog, against the spec in the lab README (Scripts/Extension/).</summary>
public class SleepyDogTests
{
    private static Task<string> Run(string script) => DogScript.RunAsync(say => new SleepyDog(say), Path.Combine("Extension", script));

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_FallsAsleepAfterAMinuteOfSitting() => await Verify(await Run(nameof(Task3_FallsAsleepAfterAMinuteOfSitting)));

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_OnlyASquirrelWakesIt() => await Verify(await Run(nameof(Task3_OnlyASquirrelWakesIt)));

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_TheAwakeDogIsTheBaseDog()
    {
        // Before it sleeps, the sleepy dog must say exactly what the base dog says.
        foreach (var script in new[] { "Task1_EveryTransition", "Task1_EveryConfusedCase", "Task2_WagsThirtySecondsThenBarks" })
            Assert.Equal(await DogScript.RunAsync(say => new Dog(say), script), await DogScript.RunAsync(say => new SleepyDog(say), script));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_TheDiagramShowsTheSleepingState()
    {
        var diagram = new SleepyDog(_ => { }).Diagram(DogState.Barking, "the sleepy dog");
        await Verify(diagram.Text);
    }
}
