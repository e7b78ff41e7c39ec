using Otp.Distribution.Simulation;

namespace Workbook.Testing;

public static partial class Lab
{
    /// <summary>
    /// Runs a distributed scenario on a new <see cref="SimulatedNetwork"/> (several deterministic
    /// nodes, one virtual clock, one trace) with the guards of <see cref="RunAsync{T}"/>: a
    /// deadlock or a process that never gives the scheduler back becomes a
    /// <see cref="LabRunException"/> that says which, with the end of the trace.
    /// </summary>
    /// <param name="scenario">Adds the nodes, starts the student's code and waits for it (for
    /// example with <c>node.RunAsync</c>); returns what the test checks.</param>
    /// <param name="seed">The seed of the interleaving and of the network's draws.</param>
    /// <param name="options">Latency, loss, duplication; the defaults are 1 ms and none.</param>
    /// <param name="realTime">The wall-clock time the run may take (<see cref="DefaultRealTime"/>).</param>
    /// <returns>The scenario's result and the network's trace as text (every process shown
    /// with its node), for snapshots.</returns>
    /// <exception cref="LabRunException">The run deadlocked or ran out of real time.</exception>
    public static async Task<LabRun<T>> RunOnNetworkAsync<T>(Func<SimulatedNetwork, Task<T>> scenario, int? seed = null,
        SimulatedNetworkOptions? options = null, TimeSpan? realTime = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var net = SimulatedNetwork.Start(seed, options);
        try
        {
            var run = scenario(net);
            var limit = realTime ?? DefaultRealTime;
            if (await Task.WhenAny(run, Task.Delay(limit)).ConfigureAwait(false) != run)
                throw new LabRunException(
                    $"The code was still running after {limit.TotalSeconds:0.#} s of real time. A process is probably in a loop " +
                    "that never awaits (for example while (true) without await Receive), or blocks its thread " +
                    "(Thread.Sleep, .Result, .Wait()). Processes must wait with await: Receive, Sleep or Yield." + Tail(net.Trace));
            try
            {
                var result = await run.ConfigureAwait(false);
                return new LabRun<T>(result, net.Trace?.ToText() ?? "");
            }
            catch (TimeoutException ex)
            {
                throw new LabRunException(
                    "The run never finished: every process on every node is waiting for a message and no timer is due, so " +
                    "nothing can happen any more. A deadlock, a message sent to the wrong node, or one lost to a partition? " +
                    $"({ex.Message})" + Tail(net.Trace), ex);
            }
        }
        finally
        {
            // The scheduler thread may be stuck in the student's loop; it is a background thread
            // and stops at its next step once disposed.
            net.Dispose();
        }
    }
}
