using System.Text.Json.Nodes;
using Workbook.Notebooks.Checking;
using Workbook.Notebooks.Documents;

namespace Workbook.Notebooks.Tests;

// The check must be able to fail: a stale output, a failing cell and a wrong kernel are reported
// with the cell number and a diff.
[Collection(nameof(ConsoleCapturing))]
public sealed class OutputCheckTests
{
    private static readonly string SamplePath = Path.Combine(Repository.Samples, "engine-sample.ipynb");

    private static async Task<IReadOnlyList<string>> CheckAsync(NotebookDocument notebook) =>
        OutputCheck.Compare(notebook, await NotebookRunner.RunAsync(notebook, Repository.Samples), new OutputScrubber(Repository.Root));

    [Fact]
    public async Task A_stale_output_is_reported_with_its_cell_and_a_diff()
    {
        var notebook = IpynbFormat.Load(SamplePath);
        var stream = (JsonObject)notebook.Cells[1].Outputs[0]!;
        stream["text"] = IpynbFormat.SplitLines("the answer was pang\n");

        var problem = Assert.Single(await CheckAsync(notebook));
        Assert.StartsWith("cell 2: committed outputs are stale", problem);
        Assert.Contains("- the answer was pang", problem);
        Assert.Contains("+ the answer was pong", problem);
    }

    [Fact]
    public async Task A_failing_cell_is_reported_and_stops_the_run()
    {
        var notebook = IpynbFormat.Parse(File.ReadAllText(SamplePath).Replace("\"raises-exception\"", "\"was-allowed\""));
        var run = await NotebookRunner.RunAsync(notebook, Repository.Samples);
        Assert.Equal(4, run.Cells.Count);
        var problems = OutputCheck.Compare(notebook, run, new OutputScrubber(Repository.Root));
        Assert.Contains(problems, p => p.StartsWith("cell 5 failed", StringComparison.Ordinal) && p.Contains("at line 3 of cell [4]"));
    }

    [Fact]
    public async Task A_notebook_that_names_another_kernel_is_reported()
    {
        var notebook = IpynbFormat.Load(SamplePath);
        notebook.Metadata["kernelspec"]!["name"] = ".net-csharp";
        Assert.Contains(await CheckAsync(notebook), p => p.Contains("kernelspec.name is \".net-csharp\""));
    }

    [Fact]
    public void Scrubbing_hides_paths_durations_and_hashes_but_not_virtual_time()
    {
        var scrubber = new OutputScrubber(Repository.Root);
        var text = $"{Repository.Root}/x took 12.5 ms, id 0123456789abcdef0123, at 1.500s";
        Assert.Equal("{repo}/x took {duration}, id {hash}, at 1.500s", scrubber.Scrub(text));
    }

    [Theory]
    [InlineData("<div id='dotnet-interactive-this-cell-1'><script>probeAddresses([])</script></div>", "JavaScript bootstrap")]
    [InlineData("listening on http://192.0.2.2:2048/", "an IP address (192.0.2.2)")]
    [InlineData("listening on http://[fd00::2]:2048/", "an IP address (fd00::2)")]
    [InlineData("loaded /home/ada/otp/x.dll", "an absolute path (/home/ada/otp/x.dll)")]
    [InlineData("dump at /tmp/erl_crash.dump", "an absolute path (/tmp/erl_crash.dump)")]
    [InlineData(@"C:\Users\ada\x.dll", "an absolute path")]
    public void Committed_outputs_with_machine_specific_data_are_refused(string text, string expected)
    {
        var notebook = IpynbFormat.Load(SamplePath);
        var stream = (JsonObject)notebook.Cells[1].Outputs[0]!;
        stream["text"] = IpynbFormat.SplitLines(text + "\n");
        var problem = Assert.Single(MachineSpecificOutput.Find(notebook, Repository.Root));
        Assert.StartsWith("cell 2: a committed output carries machine-specific data: ", problem);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Pids_versions_virtual_times_and_the_repository_placeholder_are_not_machine_specific()
    {
        foreach (var text in new[] { "<0.2.0> exited at 1.500s", "#Ref<0.0.0.1>", "&lt;0.0.0.12&gt;", "OTP 25, Elixir 1.14.0", "{repo}/notebooks", "see docs/notebooks.md" })
            Assert.Null(MachineSpecificOutput.Problem(text, Repository.Root));
        Assert.NotNull(MachineSpecificOutput.Problem(Path.Combine(Repository.Root, "x"), Repository.Root));
    }
}
