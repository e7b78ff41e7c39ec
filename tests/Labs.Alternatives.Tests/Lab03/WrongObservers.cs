using Lab03.LinksAndMonitors;

namespace Labs.Alternatives.Tests.Lab03;

/// <summary>Answers to lab 3's <c>ObserveAsync</c> that give the right outcome for the traced
/// scenario (chain T--T-, signal to process 1) but do not do what the task asks; the task's
/// snapshot must reject each of them.</summary>
public static class WrongObservers
{
    /// <summary>Sends the signal to the process after the target: on T--T- that kills processes 2
    /// and 1 and traps in 3 and 0, the same outcome as a signal to 1.</summary>
    public static Task<IReadOnlyList<string>> SignalsTheNextProcessAsync(Process self, IReadOnlyList<bool> trapsExit, int target, ExitReason reason) =>
        ExitPropagation.ObserveAsync(self, trapsExit, Math.Min(target + 1, trapsExit.Count - 1), reason);

    /// <summary>Runs nothing: it returns the pen-and-paper prediction as if it were an observation.</summary>
    public static Task<IReadOnlyList<string>> PredictsInsteadOfObservingAsync(Process self, IReadOnlyList<bool> trapsExit, int target, ExitReason reason) =>
        Task.FromResult(ExitPropagation.Predict(trapsExit, target, reason));
}
