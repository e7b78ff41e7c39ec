using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Workbook.Notebooks.Documents;
using Workbook.Notebooks.Execution;

namespace Workbook.Kernel.Hosting;

/// <summary>
/// The C# side of the kernel: one process per kernel session, holding one
/// <see cref="NotebookSession"/> whose folder is the working directory Jupyter gave the kernel
/// (the notebook's folder). It speaks JSON lines (see docs/notebooks.md, "The host protocol"):
/// requests on stdin, events on stdout. Everything else the process writes, including console
/// output no cell owns, goes to stderr, which the Python wrapper keeps for error reports.
/// </summary>
internal static class KernelHost
{
    /// <summary>Exit code when a cell would not stop after an interrupt and the host quits so the
    /// wrapper can start a fresh one.</summary>
    public const int RestartExitCode = 3;

    // Events go out through one writer thread. Writing stdout from the thread that gathers a
    // cell's output would deadlock: .NET's Unix console stream locks Console.Out, which a cell
    // writing to the console holds while it waits for that same output gatherer.
    private static readonly BlockingCollection<string> Outbox = [];
    private static CancellationTokenSource? _running;

    /// <summary>The memory limit the kernel started this host with (see <see cref="MemoryLimit"/>),
    /// for messages; the GC enforces it.</summary>
    private static long? Limit
    {
        get
        {
            try { return MemoryLimit.Parse(Environment.GetEnvironmentVariable(MemoryLimit.Variable)); }
            catch (ArgumentException) { return null; }
        }
    }

    public static async Task<int> RunAsync()
    {
        var protocol = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        var writer = new Thread(() => { foreach (var line in Outbox.GetConsumingEnumerable()) protocol.WriteLine(line); })
        {
            IsBackground = true, Name = "kernel host events",
        };
        writer.Start();
        Console.SetOut(Console.Error);
        try
        {
            return await ServeAsync();
        }
        finally
        {
            Outbox.CompleteAdding();
            writer.Join(TimeSpan.FromSeconds(5));
        }
    }

    private static async Task<int> ServeAsync()
    {
        using var session = new NotebookSession(new NotebookSessionOptions { BaseDirectory = Environment.CurrentDirectory });
        var cells = Channel.CreateUnbounded<(string Id, string Code)>();

        _ = Task.Run(() => ReadRequests(session, cells.Writer));
        Send(new JsonObject { ["event"] = "ready", ["pid"] = Environment.ProcessId, ["language_version"] = KernelMetadata.LanguageVersion });

        await foreach (var (id, code) in cells.Reader.ReadAllAsync())
        {
            using var interrupt = new CancellationTokenSource();
            _running = interrupt;
            var cell = session.ExecutionCount + 1;
            // A cell that hit the memory limit may have left the heap full (a list it filled
            // lives on in a variable), so the host is replaced and the learner told why.
            var result = await session.ExecuteAsync(code, o => Send(ToEvent(id, MemoryLimit.IsOutOfMemory(o as ErrorOutput)
                ? MemoryLimit.OutOfMemory(cell, Limit) : o)), interrupt.Token);
            _running = null;
            var outOfMemory = MemoryLimit.IsOutOfMemory(result.Error);
            var restart = outOfMemory || result is { Status: CellStatus.Interrupted, StillRunning: true } && StillBusy();
            if (restart && !outOfMemory)
                Send(ToEvent(id, new StreamOutput("stderr",
                    "The cell is still using the CPU after the interrupt (a loop that never awaits), so the C# host " +
                    "restarts: variables and types from earlier cells are gone; run the cells above again.\n")));
            Send(new JsonObject
            {
                ["id"] = id, ["event"] = "done", ["restart"] = restart,
                ["status"] = result.Status switch { CellStatus.Ok => "ok", CellStatus.Interrupted => "aborted", _ => "error" },
            });
            if (restart) return RestartExitCode;
        }
        return 0;
    }

    private static void ReadRequests(NotebookSession session, ChannelWriter<(string, string)> cells)
    {
        using var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        while (input.ReadLine() is { } line)
        {
            JsonObject request;
            try { request = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("not an object"); }
            catch (JsonException e)
            {
                Console.Error.WriteLine($"host: ignoring a request that is not a JSON object: {e.Message}");
                continue;
            }
            var id = request["id"]?.GetValue<string>() ?? "";
            var code = request["code"]?.GetValue<string>() ?? "";
            switch (request["op"]?.GetValue<string>())
            {
                case "execute":
                    cells.TryWrite((id, code));
                    break;
                case "interrupt":
                    _running?.Cancel();
                    break;
                case "complete":
                    var completion = session.Complete(code, request["cursor"]?.GetValue<int>() ?? code.Length);
                    Send(new JsonObject
                    {
                        ["id"] = id, ["event"] = "complete", ["start"] = completion.Start, ["end"] = completion.End,
                        ["matches"] = new JsonArray([.. completion.Matches.Select(m => (JsonNode?)m)]),
                    });
                    break;
                case "is_complete":
                    Send(new JsonObject { ["id"] = id, ["event"] = "is_complete", ["complete"] = NotebookSession.IsComplete(code) });
                    break;
                case "shutdown":
                    cells.TryComplete();
                    return;
                default:
                    Console.Error.WriteLine($"host: unknown op in {line}");
                    break;
            }
        }
        // The wrapper is gone: nobody will read our output, so stop whatever runs.
        Environment.Exit(0);
    }

    /// <summary>Whether the process burns CPU after a cell was abandoned: an abandoned wait costs
    /// nothing and the session goes on; an abandoned loop would spin for ever, so the host quits.</summary>
    private static bool StillBusy()
    {
        var self = Process.GetCurrentProcess();
        var before = self.TotalProcessorTime;
        Thread.Sleep(500);
        self.Refresh();
        return (self.TotalProcessorTime - before).TotalMilliseconds > 250;
    }

    private static JsonObject ToEvent(string id, CellOutput output) => output switch
    {
        StreamOutput s => new() { ["id"] = id, ["event"] = "stream", ["name"] = s.Name, ["text"] = s.Text },
        DisplayOutput d => new() { ["id"] = id, ["event"] = "display", ["data"] = Bundle(d.Data) },
        ResultOutput r => new() { ["id"] = id, ["event"] = "result", ["data"] = Bundle(r.Data) },
        ErrorOutput e => new()
        {
            ["id"] = id, ["event"] = "error", ["ename"] = e.Name, ["evalue"] = e.Value,
            ["traceback"] = new JsonArray([.. e.Traceback.Select(l => (JsonNode?)l)]),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output)),
    };

    private static JsonObject Bundle(IReadOnlyDictionary<string, string> data) =>
        new(data.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));

    private static void Send(JsonObject message) => Outbox.Add(message.ToJsonString());
}
