using Otp;
using Otp.CodeLoading;

namespace Lab04.HotCodeSwap;

/// <summary>What <see cref="SafeUpgrade.UpgradeAllAsync"/> did.</summary>
/// <param name="Upgraded">The servers now on the current version, in the order given.</param>
/// <param name="Stuck">The servers whose code change failed; they run the old version, with their state.</param>
/// <param name="Purged">True if no old version is left: nothing was stuck, so it was purged (or there was none).</param>
public sealed record SafeUpgradeReport(IReadOnlyList<Pid> Upgraded, IReadOnlyList<Pid> Stuck, bool Purged);

/// <summary>Task 3: a purge that never kills.</summary>
public static class SafeUpgrade
{
    /// <summary>
    /// Moves every server in <paramref name="servers"/> onto the current version of
    /// <paramref name="module"/> (with <see cref="ModuleServer.ChangeCodeAsync"/>), then purges
    /// the old version only if no process runs it any more (<see cref="CodeServer.SoftPurge"/>).
    /// Never kills: a server whose code change fails stays on the old version, and so does the
    /// old version.
    /// </summary>
    public static Task<SafeUpgradeReport> UpgradeAllAsync(Process self, string module, IReadOnlyList<Pid> servers) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");
}
