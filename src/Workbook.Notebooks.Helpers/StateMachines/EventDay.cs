using System.Globalization;
using Otp;
using Otp.Behaviours;

namespace Workbook.Notebooks.Helpers.StateMachines;

/// <summary>
/// Plays a day of events against a state machine (chapter 5's dog) on a fresh deterministic node,
/// and returns the transcript: what the machine said, stamped with the virtual time, and its state
/// after each step. Two designs of the same machine that only differ in how they are started and
/// asked for their state can then be compared line for line.
/// </summary>
public static class EventDay
{
    /// <summary>Plays <paramref name="day"/>: each step is <c>wait S</c> (let S seconds of virtual
    /// time pass), <c>stop</c> (cast <c>stop</c> and wait for the machine to end), or any other word,
    /// cast to the machine as a string.</summary>
    /// <param name="day">The steps, in order.</param>
    /// <param name="start">Starts the machine from the given process, with the callback it must
    /// call with each line it says; returns its pid.</param>
    /// <param name="stateOf">Asks the machine for its state.</param>
    /// <returns>The said lines (<c>"  6.5 s  wags its tail"</c>) and, after each step, the step and
    /// the state it left (<c>"  pet -> (WaggingTail, 4)"</c>), or the exit reason after <c>stop</c>.</returns>
    /// <exception cref="FormatException">A <c>wait</c> step whose seconds are not a number.</exception>
    public static async Task<List<string>> RunAsync<TState>(IReadOnlyList<string> day,
        Func<Process, Action<string>, ValueTask<Pid>> start, Func<Process, Pid, ValueTask<TState>> stateOf)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(stateOf);
        using var node = Node.StartDeterministic();
        var t0 = node.Time.GetUtcNow();
        var lines = new List<string>();
        await node.RunAsync(async self =>
        {
            var machine = await start(self, line => lines.Add($"{(node.Time.GetUtcNow() - t0).TotalSeconds,5:0.#} s  {line}"));
            foreach (var step in day)
            {
                var down = step == "stop" ? self.Monitor(machine) : null;
                if (step.StartsWith("wait ", StringComparison.Ordinal))
                    await self.Sleep(TimeSpan.FromSeconds(double.Parse(step[5..], CultureInfo.InvariantCulture)));
                else GenServer.Cast(self, machine, step);
                lines.Add(down is null
                    ? $"  {step} -> {await stateOf(self, machine)}"
                    : $"  stop -> {(await self.Receive<Down>(d => d.Ref == down)).Reason}");
            }
        });
        return lines;
    }
}
