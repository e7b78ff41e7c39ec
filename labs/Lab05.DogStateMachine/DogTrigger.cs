namespace Lab05.DogStateMachine;

/// <summary>Task 4: what can happen to the Stateless dog, as Stateless's triggers. The first three
/// come from outside (casts); the last two are the timeouts its host process supplies.</summary>
public enum DogTrigger
{
    /// <summary>The cast <c>"pet"</c>.</summary>
    Pet,

    /// <summary>The cast <c>"squirrel"</c>.</summary>
    Squirrel,

    /// <summary>Any other cast (except <c>"stop"</c>, which the host handles in every state).</summary>
    Other,

    /// <summary>A barking dog's 2 seconds are up (<see cref="Dog.BarkEvery"/>).</summary>
    BarkTime,

    /// <summary>A wagging dog got no event for 30 seconds (<see cref="Dog.BoredAfter"/>).</summary>
    Bored,
}
