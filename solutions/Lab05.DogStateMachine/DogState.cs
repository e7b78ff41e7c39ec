namespace Lab05.DogStateMachine;

/// <summary>What the dog is doing: the state machine's state name.</summary>
public enum DogState
{
    /// <summary>Barks at once, then every 2 seconds.</summary>
    Barking,

    /// <summary>Wags its tail; after 30 seconds without any event it barks again.</summary>
    WaggingTail,

    /// <summary>Sits and waits for ever (the sleepy dog of task 3 falls asleep after 60 quiet seconds).</summary>
    Sitting,

    /// <summary>Task 3 only: asleep; only a squirrel wakes it.</summary>
    Sleeping,
}
