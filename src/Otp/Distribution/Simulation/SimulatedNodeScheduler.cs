using Otp.Scheduling;

namespace Otp.Distribution.Simulation;

/// <summary>
/// One node's view of the network's scheduler: its steps run on the shared thread, in the shared
/// seeded order, by the shared clock. Stopping the node disposes only this view, so that none of
/// its processes runs another step while the other nodes carry on.
/// </summary>
internal sealed class SimulatedNodeScheduler(DeterministicScheduler shared) : Scheduler
{
    public override TimeProvider Time => shared.Time;

    public override Exception? FirstFault => shared.FirstFault;

    public override void Schedule(IThreadPoolWorkItem step)
    {
        if (!IsDisposed) shared.Schedule(step);
    }

    public override Task RunUntilAsync(Task done, TimeSpan? until) => shared.RunUntilAsync(done, until);
}
