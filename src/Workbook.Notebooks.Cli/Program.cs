using Workbook.Notebooks.Checking;
using Workbook.Notebooks.Documents;

// dotnet run --project src/Workbook.Notebooks.Cli -- run   [notebook.ipynb ...]
// dotnet run --project src/Workbook.Notebooks.Cli -- check [notebook.ipynb ...]
// Without paths, every notebooks/*.ipynb of the repository. Exit code 0 when every notebook ran
// (run) or is current (check), 1 otherwise, 2 for a usage error.

if (args.Length == 0 || args[0] is not ("run" or "check"))
{
    Console.Error.WriteLine("usage: Workbook.Notebooks.Cli run|check [notebook.ipynb ...]");
    Console.Error.WriteLine("  run    runs each notebook top to bottom and writes the fresh outputs into it");
    Console.Error.WriteLine("  check  runs each notebook and fails when its committed outputs are not current");
    return 2;
}

var write = args[0] == "run";
if (Workbook.WorkbookRoot.TryFind(Environment.CurrentDirectory) is not { } root)
{
    Console.Error.WriteLine($"no Labs.sln in {Environment.CurrentDirectory} or above: run this inside the workbook's folder");
    return 2;
}
var paths = args.Length > 1
    ? args[1..].Select(Path.GetFullPath).ToList()
    : [.. Directory.EnumerateFiles(Path.Combine(root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal)];
var scrubber = new OutputScrubber(root);
var failures = 0;

foreach (var path in paths)
{
    var shown = Path.GetRelativePath(Environment.CurrentDirectory, path);
    NotebookDocument notebook;
    try { notebook = IpynbFormat.Load(path); }
    catch (Exception e) when (e is FormatException or IOException)
    {
        Console.WriteLine($"FAIL {shown}: cannot read it: {e.Message}");
        failures++;
        continue;
    }
    var started = DateTime.UtcNow;
    var run = await NotebookRunner.RunAsync(notebook, Path.GetDirectoryName(path)!);
    var seconds = (DateTime.UtcNow - started).TotalSeconds;

    if (write)
    {
        NotebookRunner.ApplyOutputs(notebook, run);
        IpynbFormat.Save(notebook, path);
        if (run.Failure is { } f)
        {
            failures++;
            Console.WriteLine($"FAIL {shown}: cell {f.Cell.Index + 1} failed ({f.Result.Error!.Name}: {f.Result.Error.Value}); outputs written up to it");
            foreach (var line in f.Result.Error.Traceback) Console.WriteLine("     " + line);
        }
        else Console.WriteLine($"ok   {shown}: {run.Cells.Count} code cells, outputs written ({seconds:0.0} s)");
        continue;
    }

    var problems = OutputCheck.Compare(notebook, run, scrubber);
    if (problems.Count == 0)
    {
        Console.WriteLine($"ok   {shown}: {run.Cells.Count} code cells current ({seconds:0.0} s)");
        continue;
    }
    failures++;
    Console.WriteLine($"FAIL {shown}:");
    foreach (var problem in problems) Console.WriteLine("  " + problem.Replace("\n", "\n  ").TrimEnd());
}

if (failures > 0 && !write)
    Console.WriteLine("To regenerate: dotnet run --project src/Workbook.Notebooks.Cli -- run <notebook.ipynb>");
return failures == 0 ? 0 : 1;
