using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Workbook.Notebooks.Helpers.KvStore;

/// <summary>
/// Chapter 7's store run as its own OS process, exactly as the README starts it
/// (<c>dotnet Otp.KvStore.dll --http 0 ...</c>): a real Kestrel server on a loopback port the
/// store picks and prints. The store runs outside the notebook because its HTTP API needs
/// ASP.NET Core, which a notebook's C# host does not load. Disposing it (or <see cref="Kill"/>)
/// kills that process, by its own id, and nothing else.
/// </summary>
public sealed partial class KvStoreProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _exited;

    private KvStoreProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data is null ? null : "stderr: " + e.Data);
        _process.Exited += (_, _) => _exited = true;
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException(
            $"the store exited before it listened. It printed:\n{string.Join("\n", Lines)}"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Where its HTTP API listens, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1:1/");

    /// <summary>Every line the store has printed so far (error output prefixed <c>stderr: </c>).</summary>
    public IReadOnlyList<string> Lines { get { lock (_lines) return [.. _lines]; } }

    /// <summary>Whether the process is still running.</summary>
    public bool IsRunning => !_exited;

    /// <summary>
    /// Starts the store's command line with <paramref name="arguments"/> plus <c>--http 0</c>, and
    /// waits (at most 90 s) until its HTTP API listens.
    /// </summary>
    /// <param name="arguments">The store's options (<c>--sname</c>, <c>--cookie</c>, <c>--hosts</c>,
    /// <c>--w</c>, <c>--sync-ms</c>, <c>--max-body</c>; docs/kvstore.md), without <c>--http</c>.</param>
    /// <param name="epmdPort">The EPMD a named node registers with (a <c>LocalCluster</c>'s
    /// <c>EpmdPort</c>); null: the default, 4369.</param>
    /// <exception cref="FileNotFoundException">The store is not built (<c>dotnet build src/Otp.KvStore</c>).</exception>
    /// <exception cref="InvalidOperationException">It exited before listening, or did not listen within 90 s;
    /// the message holds what it printed.</exception>
    public static async Task<KvStoreProcess> StartAsync(IEnumerable<string> arguments, int? epmdPort = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(FindStore());
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--http");
        start.ArgumentList.Add("0");
        if (epmdPort is { } port) start.Environment["ERL_EPMD_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        var store = new KvStoreProcess(Process.Start(start)!);
        using var limit = new CancellationTokenSource(StartLimit);
        try
        {
            store.BaseAddress = await store._listening.Task.WaitAsync(limit.Token);
            return store;
        }
        catch (Exception e)
        {
            await store.DisposeAsync();
            throw e is OperationCanceledException
                ? new InvalidOperationException($"the store did not listen within {StartLimit.TotalSeconds} s. It printed:\n{string.Join("\n", store.Lines)}")
                : e;
        }
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add(line);
        if (Listening().Match(line) is { Success: true } m) _listening.TrySetResult(new Uri(m.Groups[1].Value));
    }

    [GeneratedRegex(@"^kv: HTTP API on (http://\S+/)")]
    private static partial Regex Listening();

    // Next to these helpers when a project references both (a test), else the store's own build
    // output beside the helpers' (artifacts/bin/Otp.KvStore/<configuration>/), which is what a
    // notebook loading artifacts/bin/Workbook.Notebooks.Helpers/debug/ finds.
    private static string FindStore()
    {
        var here = Path.GetDirectoryName(typeof(KvStoreProcess).Assembly.Location)!;
        string[] candidates =
        [
            Path.Combine(here, "Otp.KvStore.dll"),
            Path.GetFullPath(Path.Combine(here, "..", "..", "Otp.KvStore", Path.GetFileName(here), "Otp.KvStore.dll")),
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"the store is not built: no Otp.KvStore.dll at {string.Join(" or ", candidates)} (run dotnet build src/Otp.KvStore)");
    }

    /// <summary>Kills the process at once, as <c>kill -9</c> of its pid would; does nothing if it has exited.</summary>
    public void Kill()
    {
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
    }

    /// <summary>Kills the process (if running) and waits, at most 10 s, for it to be gone.</summary>
    public async ValueTask DisposeAsync()
    {
        Kill();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _process.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException) { }
        _exited = _exited || _process.HasExited;
        _process.Dispose();
    }
}
