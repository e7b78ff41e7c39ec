using System.Diagnostics;

namespace Workbook.Grader.Running.Containment;

/// <summary>
/// Holds a child process and every process it starts, so that all of them can be listed and
/// ended together when the run is over: a process group on Linux and macOS, a job object on
/// Windows. A process that deliberately leaves (a new session on Unix, a job breakaway on
/// Windows) is out of reach; see docs/grading.md.
/// </summary>
internal abstract class ProcessContainment : IDisposable
{
    /// <summary>The containment this OS offers.</summary>
    public static ProcessContainment ForThisOs() =>
        OperatingSystem.IsWindows() ? new WindowsJobObject()
        : OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? UnixProcessGroup.Create()
        : new NoContainment();

    /// <summary>True when it really contains the processes (false: only the child itself can be ended).</summary>
    public abstract bool Contains { get; }

    /// <summary>Rewrites <paramref name="info"/> so that the process it starts is contained from
    /// its first instruction (before it can start anything itself).</summary>
    public virtual void Prepare(ProcessStartInfo info) { }

    /// <summary>Called right after the child started.</summary>
    public abstract void Attach(Process child);

    /// <summary>The contained processes still alive, except <paramref name="exceptPid"/>.</summary>
    public abstract IReadOnlyList<LeftProcess> Alive(int exceptPid);

    /// <summary>Ends every contained process at once.</summary>
    public abstract void KillAll();

    /// <inheritdoc />
    public virtual void Dispose() { }
}
