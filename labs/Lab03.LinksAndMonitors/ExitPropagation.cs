using Otp;

namespace Lab03.LinksAndMonitors;

/// <summary>
/// Task 1: predict, then check, how an exit signal spreads through a chain of linked processes.
/// Process <c>i</c> is linked to process <c>i + 1</c>; some of them trap exits. Someone outside
/// the chain sends process <c>target</c> an exit signal with <c>reason</c> (Erlang's
/// <c>exit(Pid, Reason)</c>). What happens to each process is written as one of:
/// <c>"alive"</c> (nothing reached it, or a <c>normal</c> signal was ignored),
/// <c>"traps R"</c> (it traps exits, received <c>{'EXIT', From, R}</c> and lives on), or
/// <c>"exits R"</c> (it ended with reason R). R is printed as Erlang prints it (<c>boom</c>, <c>killed</c>).
/// </summary>
public static class ExitPropagation
{
    /// <summary>Works out each process's fate by the rules, without running anything.</summary>
    /// <param name="trapsExit">For each process of the chain, whether it traps exits.</param>
    /// <param name="target">The index of the process that gets the exit signal.</param>
    /// <param name="reason">The reason of that signal.</param>
    public static IReadOnlyList<string> Predict(IReadOnlyList<bool> trapsExit, int target, ExitReason reason) =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");

    /// <summary>Builds the chain on the runtime, sends the exit signal, lets it spread, and reports
    /// what each process actually saw, in the same words as <see cref="Predict"/>.</summary>
    public static Task<IReadOnlyList<string>> ObserveAsync(Process self, IReadOnlyList<bool> trapsExit, int target, ExitReason reason) =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");
}
