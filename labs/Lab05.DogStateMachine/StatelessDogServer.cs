using Otp;
using Otp.Behaviours;

namespace Lab05.DogStateMachine;

/// <summary>
/// Task 4: the process that hosts a <see cref="StatelessDog"/>. It turns casts into triggers,
/// answers for the dog's state, and supplies the timeouts Stateless lacks: a barking dog's
/// 2 seconds, which other events do not reset (gen_statem's state timeout); a wagging dog's
/// 30 seconds, which every event starts again (an event timeout); none while sitting.
/// </summary>
/// <param name="say">Where the dog narrates.</param>
public sealed class StatelessDogServer(Action<string> say) : GenServer<StatelessDog>
{
    private sealed record GetState;

    /// <summary>Starts the dog's process (given).</summary>
    public static ValueTask<Pid> StartAsync(Process self, Action<string> say) => GenServer.StartAsync(self, new StatelessDogServer(say));

    /// <summary>The dog's state and barks, asked from another process (given). Not an event: it
    /// restarts no timeout.</summary>
    public static async ValueTask<(DogState State, int Barks)> GetStateAsync(Process self, Pid dog) =>
        await GenServer.CallAsync<(DogState, int)>(self, dog, new GetState());

    /// <summary>Creates the dog, which barks at once, and starts the barking rhythm.</summary>
    protected override ValueTask<StatelessDog> InitAsync() =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>Answers <see cref="GetStateAsync"/> (given).</summary>
    protected override ValueTask<ServerResult<StatelessDog>> HandleCallAsync(object request, From from, StatelessDog dog) =>
        request is GetState ? Reply((dog.State, dog.Barks), dog) : base.HandleCallAsync(request, from, dog);

    /// <summary>A cast: <c>"stop"</c> in any state, else a trigger.</summary>
    protected override ValueTask<ServerResult<StatelessDog>> HandleCastAsync(object request, StatelessDog dog) =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>A timeout that is still current fires its trigger; a stale one is dropped.</summary>
    protected override ValueTask<ServerResult<StatelessDog>> HandleInfoAsync(object message, StatelessDog dog) =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    // Keeps the compiler quiet until you use `say`; delete it when you do.
    private Action<string> Unused => say;
}
