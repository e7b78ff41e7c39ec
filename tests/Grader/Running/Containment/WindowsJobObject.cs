using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Workbook.Grader.Running.Containment;

/// <summary>
/// Windows: the child is assigned to a job object right after it starts; every process it starts
/// afterwards belongs to the job too. The job lists its processes and ends them all at once, and
/// it is created with "kill on close", so even a grader that dies takes them with it.
/// </summary>
/// <remarks>Between the start and the assignment the child runs for a moment outside the job; a
/// test process spends that moment loading the runtime, long before any test code runs.</remarks>
[SupportedOSPlatform("windows")]
internal sealed class WindowsJobObject : ProcessContainment
{
    private const int JobObjectBasicProcessIdList = 3;
    private const int JobObjectExtendedLimitInformation = 9;
    private const uint KillOnJobClose = 0x2000;

    private readonly nint _job;

    public WindowsJobObject()
    {
        _job = CreateJobObjectW(0, null);
        if (_job == 0) throw new Win32Exception(Marshal.GetLastPInvokeError(), "Could not create a job object for the test run.");
        var limits = new ExtendedLimitInformation { Basic = new BasicLimitInformation { LimitFlags = KillOnJobClose } };
        if (!SetInformationJobObject(_job, JobObjectExtendedLimitInformation, ref limits, Marshal.SizeOf<ExtendedLimitInformation>()))
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "Could not configure the job object for the test run.");
    }

    /// <inheritdoc />
    public override bool Contains => true;

    /// <inheritdoc />
    public override void Attach(Process child)
    {
        if (!AssignProcessToJobObject(_job, child.Handle))
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "Could not put the test process in its job object.");
    }

    /// <inheritdoc />
    public override IReadOnlyList<LeftProcess> Alive(int exceptPid)
    {
        const int capacity = 1024;
        var size = 8 + capacity * IntPtr.Size;
        var buffer = Marshal.AllocHGlobal(size);
        try
        {
            if (!QueryInformationJobObject(_job, JobObjectBasicProcessIdList, buffer, size, out _)) return [];
            var count = Marshal.ReadInt32(buffer, 4);
            var left = new List<LeftProcess>();
            for (var i = 0; i < Math.Min(count, capacity); i++)
            {
                var pid = (int)Marshal.ReadIntPtr(buffer, 8 + i * IntPtr.Size);
                if (pid == exceptPid) continue;
                left.Add(new LeftProcess(pid, LeftProcess.Cut(NameOf(pid))));
            }
            return left;
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    private static string NameOf(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return p.ProcessName;
        }
        catch (ArgumentException) { return "(ended)"; }
        catch (InvalidOperationException) { return "(ended)"; }
    }

    /// <inheritdoc />
    public override void KillAll() => TerminateJobObject(_job, 1);

    /// <inheritdoc />
    public override void Dispose() => CloseHandle(_job);

    [StructLayout(LayoutKind.Sequential)]
    private struct BasicLimitInformation
    {
        public long PerProcessUserTimeLimit;
        public long PerJobUserTimeLimit;
        public uint LimitFlags;
        public nuint MinimumWorkingSetSize;
        public nuint MaximumWorkingSetSize;
        public uint ActiveProcessLimit;
        public nuint Affinity;
        public uint PriorityClass;
        public uint SchedulingClass;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct IoCounters
    {
        public ulong ReadOperationCount, WriteOperationCount, OtherOperationCount, ReadTransferCount, WriteTransferCount, OtherTransferCount;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ExtendedLimitInformation
    {
        public BasicLimitInformation Basic;
        public IoCounters IoInfo;
        public nuint ProcessMemoryLimit;
        public nuint JobMemoryLimit;
        public nuint PeakProcessMemoryUsed;
        public nuint PeakJobMemoryUsed;
    }

    [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
    private static extern nint CreateJobObjectW(nint attributes, string? name);

    [DllImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool SetInformationJobObject(nint job, int infoClass, ref ExtendedLimitInformation info, int length);

    [DllImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool AssignProcessToJobObject(nint job, nint process);

    [DllImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool QueryInformationJobObject(nint job, int infoClass, nint info, int length, out int returned);

    [DllImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool TerminateJobObject(nint job, uint exitCode);

    [DllImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool CloseHandle(nint handle);
}
