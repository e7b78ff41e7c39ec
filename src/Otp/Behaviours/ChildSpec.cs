namespace Otp.Behaviours;

/// <summary>
/// One child of a supervisor: Erlang's child specification map.
/// </summary>
/// <param name="Id">Names the child within its supervisor (unique there).</param>
/// <param name="Start">Starts the child, linked to the supervisor, and returns its pid. It runs
/// in the supervisor's process (the argument); a thrown exception means the start failed. The
/// factories <see cref="Worker{TState}"/>, <see cref="Supervisor"/> and <see cref="Process"/>
/// cover the usual cases.</param>
public sealed record ChildSpec(string Id, Func<Process, ValueTask<Pid>> Start)
{
    /// <summary>When to restart it; default <see cref="Behaviours.Restart.Permanent"/>.</summary>
    public Restart Restart { get; init; } = Restart.Permanent;

    /// <summary>How to stop it; default 5 s for a worker, infinity for a supervisor.</summary>
    public ChildShutdown? Shutdown { get; init; }

    /// <summary>Worker or supervisor; default worker.</summary>
    public ChildType Type { get; init; } = ChildType.Worker;

    internal ChildShutdown EffectiveShutdown =>
        Shutdown ?? (Type == ChildType.Supervisor ? ChildShutdown.Infinity : ChildShutdown.After(TimeSpan.FromSeconds(5)));

    /// <summary>A <see cref="GenServer{TState}"/> child: <paramref name="create"/> makes a fresh
    /// callback instance for every (re)start.</summary>
    public static ChildSpec Worker<TState>(string id, Func<GenServer<TState>> create) =>
        new(id, self => GenServer.StartLinkAsync(self, create()));

    /// <summary>A nested supervisor child with its own <paramref name="spec"/>.</summary>
    public static ChildSpec Supervisor(string id, SupervisorSpec spec) =>
        new(id, self => Behaviours.Supervisor.StartLinkAsync(self, spec)) { Type = ChildType.Supervisor };

    /// <summary>A plain process child: <paramref name="body"/> runs in a process spawned with a
    /// link to the supervisor (Erlang's <c>{ok, spawn_link(Fun)}</c> start function).</summary>
    public static ChildSpec Process(string id, Func<Process, Task> body) =>
        new(id, self => ValueTask.FromResult(self.SpawnLink(body)));
}
