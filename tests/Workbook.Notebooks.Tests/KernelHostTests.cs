using System.Diagnostics;
using System.Text.Json.Nodes;
using Workbook.Notebooks.Execution;

namespace Workbook.Notebooks.Tests;

// The kernel host as the Python wrapper starts it: a separate process speaking JSON lines, here
// with a small GC heap limit so that a runaway cell hits it quickly.
public sealed class KernelHostTests
{
    private static readonly string HostDll = Path.Combine(Repository.Root, "artifacts", "bin", "Workbook.Kernel", "debug", "Workbook.Kernel.dll");

    [Fact]
    public async Task A_cell_that_exceeds_the_memory_limit_is_reported_as_out_of_memory_and_the_host_restarts()
    {
        Assert.True(File.Exists(HostDll), $"{HostDll} is missing: build tests/Workbook.Notebooks.Tests (it builds the kernel)");
        var start = new ProcessStartInfo("dotnet", [HostDll, "host"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Repository.Samples,
        };
        start.Environment["DOTNET_GCHeapHardLimit"] = (300L << 20).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        start.Environment[MemoryLimit.Variable] = "300m";
        using var host = Process.Start(start)!;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            _ = host.StandardError.ReadToEndAsync(limit.Token);
            Assert.Equal("ready", (await NextEvent(host, limit.Token))["event"]?.GetValue<string>());
            await host.StandardInput.WriteLineAsync(new JsonObject
            {
                ["op"] = "execute", ["id"] = "1",
                ["code"] = "var hoard = new List<byte[]>();\nwhile (true) hoard.Add(new byte[1 << 20]);",
            }.ToJsonString());
            await host.StandardInput.FlushAsync(limit.Token);

            var events = new List<JsonObject>();
            while (events.LastOrDefault()?["event"]?.GetValue<string>() != "done") events.Add(await NextEvent(host, limit.Token));

            var error = Assert.Single(events, e => e["event"]?.GetValue<string>() == "error");
            Assert.Equal(MemoryLimit.ErrorName, error["ename"]?.GetValue<string>());
            Assert.Equal("cell [1] ran out of memory (the C# host may use 300 MiB)", error["evalue"]?.GetValue<string>());
            Assert.Contains("A new C# host was started", error["traceback"]!.ToJsonString());
            Assert.True(events[^1]["restart"]?.GetValue<bool>());
            await host.WaitForExitAsync(limit.Token);
            Assert.Equal(3, host.ExitCode);
        }
        finally
        {
            if (!host.HasExited) host.Kill(entireProcessTree: true);
        }
    }

    [Theory]
    [InlineData(null, MemoryLimit.DefaultBytes)]
    [InlineData("512m", 512L << 20)]
    [InlineData(" 4G ", 4L << 30)]
    [InlineData("65536", 65536L)]
    [InlineData("none", null)]
    public void Memory_limits_are_read_with_their_unit(string? text, long? bytes) => Assert.Equal(bytes, MemoryLimit.Parse(text));

    [Theory]
    [InlineData("lots")]
    [InlineData("-1g")]
    [InlineData("1.5g")]
    public void A_memory_limit_that_is_not_one_is_refused_with_an_example(string text) =>
        Assert.Contains("2g, 512m or none", Assert.Throws<ArgumentException>(() => MemoryLimit.Parse(text)).Message);

    [Fact]
    public async Task Late_output_reaches_the_kernel_as_a_labelled_display_of_the_next_cell_even_when_that_cell_ends_at_once()
    {
        using var host = StartHost();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            _ = host.StandardError.ReadToEndAsync(limit.Token);
            Assert.Equal("ready", (await NextEvent(host, limit.Token))["event"]?.GetValue<string>());
            await Execute(host, "1", "var go = new System.Threading.SemaphoreSlim(0); var written = new System.Threading.SemaphoreSlim(0);\n" +
                "var background = Task.Run(async () => { await go.WaitAsync(); Console.WriteLine(\"late line\"); written.Release(); });", limit.Token);
            var events = await Execute(host, "2", "go.Release(); await written.WaitAsync(); 6 * 7", limit.Token);

            Assert.DoesNotContain(events, e => e["event"]?.GetValue<string>() == "stream");
            var late = Assert.Single(events, e => e["event"]?.GetValue<string>() == "display");
            Assert.Equal("[output from cell [1], written after that cell had finished]\nlate line\n", late["data"]?["text/plain"]?.GetValue<string>());
        }
        finally
        {
            if (!host.HasExited) host.Kill(entireProcessTree: true);
        }
    }

    private static Process StartHost()
    {
        Assert.True(File.Exists(HostDll), $"{HostDll} is missing: build tests/Workbook.Notebooks.Tests (it builds the kernel)");
        var start = new ProcessStartInfo("dotnet", [HostDll, "host"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Repository.Samples,
        };
        return Process.Start(start)!;
    }

    /// <summary>Runs a cell and returns its events, up to and including <c>done</c>.</summary>
    private static async Task<List<JsonObject>> Execute(Process host, string id, string code, CancellationToken cancellation)
    {
        await host.StandardInput.WriteLineAsync(new JsonObject { ["op"] = "execute", ["id"] = id, ["code"] = code }.ToJsonString());
        await host.StandardInput.FlushAsync(cancellation);
        var events = new List<JsonObject>();
        while (events.LastOrDefault()?["event"]?.GetValue<string>() != "done") events.Add(await NextEvent(host, cancellation));
        return events;
    }

    private static async Task<JsonObject> NextEvent(Process host, CancellationToken cancellation)
    {
        var line = await host.StandardOutput.ReadLineAsync(cancellation) ?? throw new InvalidOperationException("the host closed its output");
        return JsonNode.Parse(line)!.AsObject();
    }
}
