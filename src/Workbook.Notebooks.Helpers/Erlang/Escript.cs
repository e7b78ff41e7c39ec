using System.ComponentModel;
using System.Diagnostics;
using Otp.Display;

namespace Workbook.Notebooks.Helpers.Erlang;

/// <summary>
/// An Erlang script kept next to the notebooks (<c>notebooks/erlang/*.escript</c>): shown as
/// its source, run with <c>escript</c> when Erlang is installed. Crash dumps go to a temporary
/// file, never into the repository.
/// </summary>
[TypeFormatterSource(typeof(MimeBundleFormatterSource<Escript>), PreferredMimeTypes = ["text/markdown", "text/plain"])]
public sealed class Escript : IMimeBundle
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);

    private Escript(string path, string source)
    {
        Path = path;
        Source = source;
    }

    /// <summary>The script's full path.</summary>
    public string Path { get; }

    /// <summary>The Erlang source.</summary>
    public string Source { get; }

    /// <summary>Reads a script. A relative path is looked up in the current directory (Jupyter
    /// runs a notebook in its own folder), then in the <c>notebooks</c> folder of the checkout
    /// these helpers were built in (the workbook's CLI runs notebooks from anywhere).</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static Escript Load(string path)
    {
        var candidates = new List<string> { System.IO.Path.GetFullPath(path) };
        if (!System.IO.Path.IsPathRooted(path) && NotebooksFolder() is { } notebooks)
            candidates.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(notebooks, path)));
        var full = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"no Erlang script at {path} (looked in {string.Join(" and ", candidates)})", path);
        return new Escript(full, File.ReadAllText(full));
    }

    private static string? NotebooksFolder() =>
        WorkbookRoot.TryFind(System.IO.Path.GetDirectoryName(typeof(Escript).Assembly.Location)) is { } root
            ? System.IO.Path.Combine(root, "notebooks")
            : null;

    /// <summary>The source as an Erlang code block (<c>text/markdown</c>), and as plain text.</summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle() => new Dictionary<string, string>
    {
        ["text/markdown"] = "```erlang\n" + Source.TrimEnd() + "\n```", ["text/plain"] = Source,
    };

    /// <summary>Runs the script with <paramref name="arguments"/> and returns its output lines, or
    /// null when <c>escript</c> is not installed. Stops it after two minutes.</summary>
    /// <exception cref="InvalidOperationException">The script failed or timed out; the message
    /// holds its exit code and error output.</exception>
    public async Task<IReadOnlyList<string>?> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("escript") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        var dump = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"workbook-erl_crash-{Environment.ProcessId}.dump");
        start.Environment["ERL_CRASH_DUMP"] = dump;
        Process erl;
        try { erl = Process.Start(start)!; }
        catch (Win32Exception) { return null; }
        using (erl)
        {
            var output = erl.StandardOutput.ReadToEndAsync();
            var errors = erl.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(RunLimit);
            try { await erl.WaitForExitAsync(limit.Token); }
            catch (OperationCanceledException)
            {
                erl.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{System.IO.Path.GetFileName(Path)} did not finish within {RunLimit.TotalMinutes} minutes and was stopped");
            }
            if (erl.ExitCode != 0)
                throw new InvalidOperationException($"{System.IO.Path.GetFileName(Path)} exited with code {erl.ExitCode}: {(await errors).Trim()}");
            return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }
}
