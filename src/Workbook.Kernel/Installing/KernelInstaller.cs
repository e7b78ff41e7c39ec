using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Workbook.Notebooks.Documents;

namespace Workbook.Kernel.Installing;

/// <summary>
/// Registers the kernel for the current user, the same way on Linux, macOS and Windows: a
/// kernelspec folder <c>kernels/otp-csharp</c> in the Jupyter data folder of a Python that has
/// ipykernel, holding kernel.json (which starts the Python wrapper with that interpreter), the
/// wrapper itself, host.json (how the wrapper starts the C# host) and a copy of the built host,
/// so later rebuilds or a moved checkout do not break an installed kernel.
/// </summary>
internal static class KernelInstaller
{
    private const string WrapperFile = "otp_csharp_kernel.py";

    public static int Install(string? python)
    {
        var found = PythonWithJupyter.Find(python);
        var specDirectory = SpecDirectory(found);
        var hostDirectory = Path.Combine(specDirectory, "host");
        var built = AppContext.BaseDirectory;

        if (Directory.Exists(hostDirectory)) Directory.Delete(hostDirectory, recursive: true);
        CopyDirectory(built, hostDirectory);
        File.Copy(Path.Combine(built, "python", WrapperFile), Path.Combine(specDirectory, WrapperFile), overwrite: true);

        var hostCommand = new JsonArray(DotnetExecutable(), Path.Combine(hostDirectory, "Workbook.Kernel.dll"), "host");
        File.WriteAllText(Path.Combine(specDirectory, "host.json"), new JsonObject { ["command"] = hostCommand }.ToJsonString(Indented) + "\n");
        var kernel = new JsonObject
        {
            ["argv"] = new JsonArray(found.Executable, Path.Combine(specDirectory, WrapperFile), "-f", "{connection_file}"),
            ["display_name"] = KernelMetadata.DisplayName,
            ["language"] = "csharp",
            ["interrupt_mode"] = "signal",
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        File.WriteAllText(Path.Combine(specDirectory, "kernel.json"), kernel.ToJsonString(Indented) + "\n");

        Console.WriteLine($"Installed the Jupyter kernel '{KernelMetadata.KernelName}' (\"{KernelMetadata.DisplayName}\")");
        Console.WriteLine($"  kernelspec: {specDirectory}");
        Console.WriteLine($"  python:     {found.Executable}");
        Console.WriteLine("Open a notebook in JupyterLab or VS Code and pick that kernel; see docs/notebooks.md.");
        return 0;
    }

    public static int Uninstall(string? python)
    {
        var specDirectory = Path.Combine(PythonWithJupyter.Find(python).DataDirectory, "kernels", KernelMetadata.KernelName);
        if (!Directory.Exists(specDirectory))
        {
            Console.WriteLine($"The kernel '{KernelMetadata.KernelName}' is not installed (no {specDirectory}).");
            return 0;
        }
        Directory.Delete(specDirectory, recursive: true);
        Console.WriteLine($"Removed the kernel '{KernelMetadata.KernelName}' ({specDirectory}).");
        return 0;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string SpecDirectory(PythonWithJupyter python) =>
        Directory.CreateDirectory(Path.Combine(python.DataDirectory, "kernels", KernelMetadata.KernelName)).FullName;

    // The `dotnet` that runs this installer: <root>/shared/Microsoft.NETCore.App/<version>/ is the runtime folder.
    private static string DotnetExecutable()
    {
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var muxer = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(muxer) ? muxer : "dotnet";
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }
}
