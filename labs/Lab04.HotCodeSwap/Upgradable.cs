using Otp;
using Otp.CodeLoading;

namespace Lab04.HotCodeSwap;

/// <summary>
/// Task 2: a plain process (no ModuleServer) that runs a module's <see cref="IServerModule"/> and
/// moves to new code only when told, through a fully qualified call.
/// </summary>
public static class Upgradable
{
    /// <summary>
    /// Spawns a process that enters the current version of <paramref name="module"/>, creates its
    /// state with <see cref="IServerModule.Init"/>(null), and then loops: an <see cref="Ask"/> is
    /// handled by the version it runs (its "local call") and answered with an <see cref="Answer"/>;
    /// an <see cref="Upgrade"/> makes the fully qualified call, hands the state to the new
    /// version's <see cref="IServerModule.CodeChange"/>, and answers with <see cref="NowRunning"/>.
    /// </summary>
    public static Pid Start(Process self, string module) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");

    /// <summary>Sends an <see cref="Ask"/> and waits for the <see cref="Answer"/>.</summary>
    public static Task<object?> AskAsync(Process self, Pid process, object request) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");

    /// <summary>Sends an <see cref="Upgrade"/> and returns the version the process runs afterwards.</summary>
    public static Task<int> UpgradeAsync(Process self, Pid process) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");
}
