namespace Otp.Benchmarks.Peers;

/// <summary>
/// Counts actors as they start and completes <see cref="All"/> when the last of
/// <c>expected</c> has: the actor libraries' counterpart of the counter the runtime's and the
/// BEAM's spawned processes increment (Erlang's <c>counters:add/3</c>).
/// </summary>
internal sealed class StartCounter(int expected)
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    /// <summary>Completes when <c>expected</c> actors have called <see cref="Add"/>.</summary>
    public Task All => _all.Task;

    /// <summary>Called once by each actor as it starts.</summary>
    public void Add()
    {
        if (Interlocked.Increment(ref _started) == expected) _all.SetResult();
    }
}
