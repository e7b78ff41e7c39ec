using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Otp.Benchmarks.Harness;

/// <summary>What the figures were measured on: they mean little without it.</summary>
public sealed record MachineInfo(
    int Cores, int MachineCores, string Cpu, string OperatingSystem, string DotnetRuntime, string DotnetSdk, string GarbageCollector, string Erlang, string Load)
{
    /// <summary>Describes this machine; <paramref name="loadBefore"/> is the load average read when
    /// the run started (other work on the machine skews every figure).</summary>
    public static MachineInfo Describe(string erlang, string loadBefore) => new(
        Environment.ProcessorCount,
        OnlineCores(),
        CpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        SdkVersion(),
        (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : ", concurrent"),
        erlang,
        $"{loadBefore} at the start, {LoadAverage()} at the end");

    /// <summary>The 1, 5 and 15 minute load averages, where the system reports them.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    public override string ToString() =>
        $"{Cores} of {MachineCores} cores ({Cpu}), {OperatingSystem}; {DotnetRuntime} (SDK {DotnetSdk}, {GarbageCollector} GC); {(Erlang.Length > 0 ? Erlang : "no Erlang")}" +
        $"\nload average (1/5/15 min): {Load}";

    /// <summary>The cores of the machine, whatever the affinity of this process (which
    /// <see cref="Environment.ProcessorCount"/> follows).</summary>
    private static int OnlineCores()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").Count(l => l.StartsWith("processor", StringComparison.Ordinal)) is > 0 and var n ? n : Environment.ProcessorCount;
        }
        catch (IOException)
        {
            return Environment.ProcessorCount;
        }
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string SdkVersion()
    {
        try
        {
            using var p = System.Diagnostics.Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            if (p is null) return "unknown";
            var version = p.StandardOutput.ReadToEnd().Trim();
            return p.WaitForExit(30_000) && p.ExitCode == 0 ? version : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
