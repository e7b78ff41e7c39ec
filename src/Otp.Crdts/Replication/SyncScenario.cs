using Otp.Crdts.Sets;

namespace Otp.Crdts.Replication;

/// <summary>
/// The measured scenario of the chapter: three replicas of an <see cref="AWSet{T}"/> take
/// <c>updates</c> adds in turn (a, b, c, a, ...) and run one anti-entropy round after every
/// <c>syncEvery</c> adds, then rounds until they agree. The same scenario in both modes, on a
/// deterministic node, so the counts are the same on every run.
/// </summary>
public static class SyncScenario
{
    /// <summary>The outcome: the cost, the rounds it took and the final set size.</summary>
    /// <param name="Mode">The anti-entropy mode.</param>
    /// <param name="Stats">Messages and bytes sent.</param>
    /// <param name="Rounds">Anti-entropy rounds run.</param>
    /// <param name="Elements">Elements in the converged set.</param>
    /// <param name="Converged">Whether every replica ended with the same state.</param>
    public sealed record Result(SyncMode Mode, SyncStats Stats, int Rounds, int Elements, bool Converged);

    /// <summary>Runs the scenario in <paramref name="mode"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="updates"/> or <paramref name="syncEvery"/> is not positive.</exception>
    public static async Task<Result> RunAsync(SyncMode mode, int updates = 30, int syncEvery = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(updates);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(syncEvery);
        using var node = Node.StartDeterministic(trace: false);
        ReplicaId[] ids = ["a", "b", "c"];
        var group = ReplicaGroup<AWSet<string>>.Start(node, mode, ids);
        var rounds = 0;
        for (var i = 0; i < updates; i++)
        {
            var element = $"item{i:00}";
            var at = ids[i % ids.Length];
            group.Update(at, s => s.AddDelta(at, element));
            if ((i + 1) % syncEvery == 0) { await group.SyncRoundAsync().ConfigureAwait(false); rounds++; }
        }
        // Two more rounds let the last deltas and their acknowledgements through; the loop stops
        // as soon as the replicas agree (bounded, so a bug cannot spin for ever).
        IReadOnlyList<AWSet<string>> states = await group.StatesAsync().ConfigureAwait(false);
        for (var extra = 0; extra < 5 && states.Distinct().Count() > 1; extra++)
        {
            await group.SyncRoundAsync().ConfigureAwait(false);
            rounds++;
            states = await group.StatesAsync().ConfigureAwait(false);
        }
        return new Result(mode, await group.StatsAsync().ConfigureAwait(false), rounds, states[0].Value.Count, states.Distinct().Count() == 1);
    }
}
