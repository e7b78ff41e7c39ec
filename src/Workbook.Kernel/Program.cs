using Workbook.Kernel.Hosting;
using Workbook.Kernel.Installing;

// dotnet run --project src/Workbook.Kernel -- install [--python PATH]   register the kernel for this user
// dotnet run --project src/Workbook.Kernel -- uninstall [--python PATH] remove it
// Workbook.Kernel host                                                  (started by the kernel itself)
try
{
    return args switch
    {
        ["host"] => await KernelHost.RunAsync(),
        ["install", .. var rest] => KernelInstaller.Install(PythonOption(rest)),
        ["uninstall", .. var rest] => KernelInstaller.Uninstall(PythonOption(rest)),
        _ => Usage(),
    };
}
catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

static string? PythonOption(string[] rest) => rest switch
{
    [] => null,
    ["--python", var path] => path,
    _ => throw new ArgumentException($"unknown options: {string.Join(' ', rest)} (expected: --python PATH)"),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Workbook.Kernel install [--python PATH] | uninstall [--python PATH] | host");
    return 2;
}
