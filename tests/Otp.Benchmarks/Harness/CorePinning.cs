using System.Diagnostics;
using System.Reflection;

namespace Otp.Benchmarks.Harness;

/// <summary>
/// <c>--cores N</c>: runs the command again under <c>taskset -c 0-(N-1)</c>, so that every thread
/// of .NET (the thread pool, the garbage collector) and the <c>erl</c> it starts are held to the
/// first N cores from their first instruction. Setting the affinity from inside the running
/// process would miss the threads that already exist; started under taskset, .NET also sizes its
/// thread pool and reports <see cref="Environment.ProcessorCount"/> for N cores, and the BEAM
/// starts one scheduler per core it may use, exactly as when a user runs
/// <c>taskset -c 0 dotnet run ...</c> by hand.
/// </summary>
internal static class CorePinning
{
    private const string Guard = "OTP_BENCH_PINNED_CORES";

    /// <summary>Runs this program again, with the same arguments, on the first
    /// <paramref name="cores"/> cores; returns its exit code.</summary>
    public static async Task<int> RerunOnCoresAsync(int cores, string[] args)
    {
        if (Environment.GetEnvironmentVariable(Guard) is { Length: > 0 } already)
        {
            Console.Error.WriteLine($"error: asked for {cores} core(s), but pinned to {already} this process sees {Environment.ProcessorCount}.");
            return 1;
        }
        var online = Environment.ProcessorCount;
        if (cores > online)
        {
            Console.Error.WriteLine($"error: --cores {cores}, but this process may use only {online} core(s).");
            return 2;
        }
        var taskset = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "taskset")).FirstOrDefault(File.Exists);
        if (taskset is null)
        {
            Console.Error.WriteLine("error: --cores needs taskset (apt-get install util-linux).");
            return 1;
        }

        var psi = new ProcessStartInfo(taskset) { UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(cores == 1 ? "0" : $"0-{cores - 1}");
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program to run again");
        psi.ArgumentList.Add(host);
        // Under `dotnet Otp.Benchmarks.dll` the host is dotnet itself and needs the assembly.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") psi.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment[Guard] = cores.ToString();
        using var child = System.Diagnostics.Process.Start(psi) ?? throw new InvalidOperationException("could not start taskset");
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
