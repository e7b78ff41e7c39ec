namespace Lab06.Nodes;

/// <summary>How a process watched from another node came to an end, as told by
/// <see cref="Watchdog.WatchAsync"/>. Given: do not change.</summary>
public abstract record RemoteEnd
{
    private RemoteEnd() { }

    /// <summary>It returned: exit reason <c>normal</c>.</summary>
    public sealed record Finished : RemoteEnd;

    /// <summary>It ended with any other reason, which <paramref name="Reason"/> shows in
    /// Erlang notation (<c>boom</c>, <c>{badarith,...}</c>).</summary>
    public sealed record Crashed(string Reason) : RemoteEnd;

    /// <summary>The connection to its node was lost (<c>noconnection</c>): whether it still
    /// runs is not known.</summary>
    public sealed record ConnectionLost : RemoteEnd;

    /// <summary>There was no such process when the monitor was taken (<c>noproc</c>).</summary>
    public sealed record NoProcess : RemoteEnd;
}
