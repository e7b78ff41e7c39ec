using System.ComponentModel;
using System.Diagnostics;

namespace Workbook.Kernel.Installing;

/// <summary>A Python interpreter that has ipykernel, and the Jupyter data folder it uses.</summary>
/// <param name="Executable">The interpreter's absolute path (<c>sys.executable</c>).</param>
/// <param name="DataDirectory">Jupyter's per-user data folder for that interpreter
/// (<c>jupyter_core.paths.jupyter_data_dir()</c>, which honours <c>JUPYTER_DATA_DIR</c>).</param>
internal sealed record PythonWithJupyter(string Executable, string DataDirectory)
{
    private const string Probe =
        "import sys, ipykernel, jupyter_core.paths as p; print(sys.executable); print(p.jupyter_data_dir())";

    /// <summary>
    /// The first interpreter that can import ipykernel: <paramref name="explicitPath"/> if given,
    /// else <c>OTP_KERNEL_PYTHON</c>, else <c>python3</c> and <c>python</c> on the PATH (and
    /// <c>py -3</c> on Windows, <c>/usr/bin/python3</c> elsewhere, for systems whose first
    /// Python is a version manager's without Jupyter).
    /// </summary>
    public static PythonWithJupyter Find(string? explicitPath)
    {
        var candidates = new List<string[]>();
        if (explicitPath is not null) candidates.Add([explicitPath]);
        else
        {
            if (Environment.GetEnvironmentVariable("OTP_KERNEL_PYTHON") is { Length: > 0 } fromEnv) candidates.Add([fromEnv]);
            candidates.Add(["python3"]);
            candidates.Add(["python"]);
            if (OperatingSystem.IsWindows()) candidates.Add(["py", "-3"]);
            else candidates.Add(["/usr/bin/python3"]);
        }

        var tried = new List<string>();
        foreach (var command in candidates)
        {
            if (TryProbe(command, out var found, out var why)) return found;
            tried.Add($"  {string.Join(' ', command)}: {why}");
        }
        throw new InvalidOperationException(
            "No Python with ipykernel found. Tried:\n" + string.Join('\n', tried) +
            "\nInstall Jupyter (for example `pip install --user ipykernel jupyterlab`, or Debian's python3-ipykernel)," +
            " or name the interpreter with --python PATH.");
    }

    private static bool TryProbe(string[] command, out PythonWithJupyter found, out string why)
    {
        found = null!;
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in command.Skip(1)) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Probe);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(30_000))
            {
                process.Kill(entireProcessTree: true);
                why = "did not answer within 30 s";
                return false;
            }
            var lines = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (process.ExitCode != 0 || lines.Length < 2)
            {
                why = error.Result.Trim().Split('\n').LastOrDefault() ?? $"exit code {process.ExitCode}";
                return false;
            }
            found = new PythonWithJupyter(lines[0], lines[1]);
            why = "";
            return true;
        }
        catch (Win32Exception e)
        {
            why = e.Message;
            return false;
        }
    }
}
