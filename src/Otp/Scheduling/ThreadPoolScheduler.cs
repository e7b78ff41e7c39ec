namespace Otp.Scheduling;

/// <summary>
/// Real time, real parallelism: steps go to the .NET thread pool, preferring the current
/// worker's local queue so that a message exchange between two processes tends to stay on one
/// core (as the BEAM keeps a woken process on its waker's run queue).
/// </summary>
internal sealed class ThreadPoolScheduler(TimeProvider time) : Scheduler
{
    public override TimeProvider Time { get; } = time;

    public override void Schedule(IThreadPoolWorkItem step) =>
        ThreadPool.UnsafeQueueUserWorkItem(step, preferLocal: true);

    public override async Task RunUntilAsync(Task done, TimeSpan? until)
    {
        if (until is { } limit)
            await Task.WhenAny(done, Task.Delay(limit, Time)).ConfigureAwait(false);
        else
            await done.ConfigureAwait(false);
    }
}
