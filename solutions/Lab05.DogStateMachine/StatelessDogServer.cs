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

    /// <summary>A timeout this server set for itself; the token tells a stale one.</summary>
    private sealed record Timeout(long Token, DogTrigger Trigger);

    private TimerRef? _timer;
    private long _token;

    /// <summary>Starts the dog's process (given).</summary>
    public static ValueTask<Pid> StartAsync(Process self, Action<string> say) => GenServer.StartAsync(self, new StatelessDogServer(say));

    /// <summary>The dog's state and barks, asked from another process (given). Not an event: it
    /// restarts no timeout.</summary>
    public static async ValueTask<(DogState State, int Barks)> GetStateAsync(Process self, Pid dog) =>
        await GenServer.CallAsync<(DogState, int)>(self, dog, new GetState());

    /// <summary>Creates the dog, which barks at once, and starts the barking rhythm.</summary>
    protected override ValueTask<StatelessDog> InitAsync()
    {
        var dog = new StatelessDog(say);
        dog.Start();
        Rearm(dog.State);
        return ValueTask.FromResult(dog);
    }

    /// <summary>Answers <see cref="GetStateAsync"/> (given).</summary>
    protected override ValueTask<ServerResult<StatelessDog>> HandleCallAsync(object request, From from, StatelessDog dog) =>
        request is GetState ? Reply((dog.State, dog.Barks), dog) : base.HandleCallAsync(request, from, dog);

    /// <summary>A cast: <c>"stop"</c> in any state, else a trigger.</summary>
    protected override ValueTask<ServerResult<StatelessDog>> HandleCastAsync(object request, StatelessDog dog)
    {
        if (request is "stop")
        {
            say("goes home");
            return Stop(ExitReason.Normal, dog);
        }
        return Handle(dog, request switch
        {
            "pet" => DogTrigger.Pet,
            "squirrel" => DogTrigger.Squirrel,
            _ => DogTrigger.Other,
        });
    }

    /// <summary>A timeout that is still current fires its trigger; a stale one is dropped.</summary>
    protected override ValueTask<ServerResult<StatelessDog>> HandleInfoAsync(object message, StatelessDog dog) =>
        message is Timeout t && t.Token == _token ? Handle(dog, t.Trigger) : NoReply(dog);

    private ServerResult<StatelessDog> Handle(StatelessDog dog, DogTrigger trigger)
    {
        var moved = dog.Fire(trigger);
        // A transition starts the new state's timeout afresh. Without one, only a timeout that
        // every event restarts (the wagging dog's) starts again; the barking rhythm keeps going.
        if (moved || TimeoutIn(dog.State) is { EveryEventRestarts: true }) Rearm(dog.State);
        return NoReply(dog);
    }

    /// <summary>What gen_statem would give each state: a time, the trigger it fires, and whether
    /// any event restarts it (an event timeout) or only a change of state (a state timeout).</summary>
    private static (TimeSpan After, DogTrigger Fires, bool EveryEventRestarts)? TimeoutIn(DogState state) => state switch
    {
        DogState.Barking => (Dog.BarkEvery, DogTrigger.BarkTime, false),
        DogState.WaggingTail => (Dog.BoredAfter, DogTrigger.Bored, true),
        _ => null,
    };

    private void Rearm(DogState state)
    {
        if (_timer is { } old) Self.CancelTimer(old);
        _timer = null;
        // A new token makes a timeout already in the mailbox stale, should it beat the cancel.
        _token++;
        if (TimeoutIn(state) is { } t) _timer = Self.SendAfter(t.After, Self.Self, new Timeout(_token, t.Fires));
    }
}
