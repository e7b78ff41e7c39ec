using Workbook.Notebooks.Execution;

namespace Workbook.Notebooks.Tests;

// Output that work from an earlier cell writes after that cell finished must not pass for the
// output of whichever cell runs next: it is labelled with the cell it came from.
[Collection(nameof(ConsoleCapturing))]
public sealed class LateOutputTests
{
    private const string Otp = """#r "../../../artifacts/bin/Otp/debug/Otp.dll" """ + "\nusing Otp;\n";

    private static NotebookSession NewSession() => new(new NotebookSessionOptions
    {
        BaseDirectory = Repository.Samples, InterruptGrace = TimeSpan.FromMilliseconds(300),
    });

    private static string Stdout(CellResult r) => string.Concat(r.Outputs.OfType<StreamOutput>().Select(s => s.Text));

    private static IEnumerable<string> Labelled(CellResult r) =>
        r.Outputs.OfType<DisplayOutput>().Select(d => d.Data["text/plain"]).Where(t => t.StartsWith("[output from cell", StringComparison.Ordinal));

    [Fact]
    public async Task Output_a_finished_cell_writes_while_the_next_cell_runs_is_labelled_with_its_origin()
    {
        using var s = NewSession();
        Assert.Equal(CellStatus.Ok, (await s.ExecuteAsync("""
            var go = new System.Threading.SemaphoreSlim(0);
            var written = new System.Threading.SemaphoreSlim(0);
            var background = Task.Run(async () => { await go.WaitAsync(); Console.WriteLine("late line"); written.Release(); });
            """)).Status);
        var next = await s.ExecuteAsync("go.Release(); await written.WaitAsync(); 6 * 7");

        Assert.DoesNotContain("late line", Stdout(next));
        var late = Assert.Single(Labelled(next));
        Assert.StartsWith("[output from cell [1], written after that cell had finished", late);
        Assert.EndsWith("\nlate line\n", late.ReplaceLineEndings("\n"));
        Assert.Equal("42", next.Outputs.OfType<ResultOutput>().Single().Data["text/plain"]);
    }

    [Fact]
    public async Task Output_written_while_no_cell_runs_opens_the_next_cell_labelled()
    {
        using var s = NewSession();
        Assert.Equal(CellStatus.Ok, (await s.ExecuteAsync("""
            var go = new System.Threading.SemaphoreSlim(0);
            var written = new System.Threading.SemaphoreSlim(0);
            var background = Task.Run(async () => { await go.WaitAsync(); Console.Write("while idle\n"); written.Release(); });
            AppDomain.CurrentDomain.SetData("late-test", (go, written));
            """)).Status);
        // Between cells, as a timer or a process would.
        var (go, written) = ((SemaphoreSlim, SemaphoreSlim))AppDomain.CurrentDomain.GetData("late-test")!;
        go.Release();
        Assert.True(await written.WaitAsync(TimeSpan.FromSeconds(30)));

        var next = await s.ExecuteAsync("Console.WriteLine(\"mine\");");

        Assert.Equal("mine\n", Stdout(next).ReplaceLineEndings("\n"));
        Assert.IsType<DisplayOutput>(next.Outputs[0]);
        Assert.Contains("while idle", Assert.Single(Labelled(next)));
    }

    [Fact]
    public async Task A_process_spawned_by_a_later_cell_on_an_earlier_node_writes_into_that_later_cell()
    {
        using var s = NewSession();
        await s.ExecuteAsync(Otp + "var node = Node.StartDeterministic();");
        var second = await s.ExecuteAsync("""
            node.Spawn(async self => { await self.Receive<string>(); Console.WriteLine("spawned in cell 2"); });
            node.Send(node.Spawn(async self => Console.WriteLine("also cell 2")), "x");
            var watcher = node.Spawn(async self => Console.WriteLine("watcher of cell 2"));
            await node.SettleAsync();
            """);

        Assert.Empty(Labelled(second));
        Assert.Contains("also cell 2", Stdout(second));
        Assert.Contains("watcher of cell 2", Stdout(second));
    }

    [Fact]
    public async Task Late_output_names_the_nodes_to_dispose_and_disposing_a_real_time_node_stops_it()
    {
        using var s = NewSession();
        await s.ExecuteAsync(Otp + """
            var rt = Node.Start();
            var seen = new System.Collections.Concurrent.BlockingCollection<string>();
            var echo = rt.Spawn(async self => { while (true) { var m = await self.Receive<string>(); Console.WriteLine(m); seen.Add(m); } });
            """);
        var second = await s.ExecuteAsync("rt.Send(echo, \"one\"); seen.Take()");
        var late = Assert.Single(Labelled(second));
        Assert.Contains("[output from cell [1]", late);
        Assert.Contains("to stop it: rt.Dispose()", late);
        Assert.Contains("one", late);

        var third = await s.ExecuteAsync("rt.Dispose(); rt.Send(echo, \"two\"); seen.TryTake(out _, TimeSpan.FromSeconds(1))");
        Assert.Equal("False", third.Outputs.OfType<ResultOutput>().Single().Data["text/plain"]);
        Assert.Empty(Labelled(third));
    }

    [Fact]
    public async Task Late_output_while_a_cell_runs_reaches_a_live_listener_labelled_without_disturbing_the_cell()
    {
        using var s = new NotebookSession(new NotebookSessionOptions
        {
            BaseDirectory = Repository.Samples, StreamFlushInterval = TimeSpan.FromMilliseconds(5),
        });
        var live = new System.Collections.Concurrent.ConcurrentQueue<CellOutput>();
        Assert.Equal(CellStatus.Ok, (await s.ExecuteAsync(Otp + """
            const int Rounds = 3;
            var node = Node.StartDeterministic();
            var ticks = new System.Threading.SemaphoreSlim(0);
            var background = Task.Run(async () => { for (var i = 0; i < Rounds; i++) { await ticks.WaitAsync(); Console.WriteLine($"tick {i}"); } });
            """)).Status);
        var running = await s.ExecuteAsync("""
            for (var i = 0; i < Rounds; i++) { ticks.Release(); await Task.Delay(50); }
            await background;
            Console.WriteLine("cell done");
            """, live.Enqueue);

        Assert.Equal(CellStatus.Ok, running.Status);
        Assert.Equal("cell done\n", Stdout(running).ReplaceLineEndings("\n"));
        var late = string.Concat(Labelled(running));
        foreach (var i in new[] { 0, 1, 2 }) Assert.Contains($"tick {i}", late);
        Assert.Contains("to stop it: node.Dispose()", late);
        Assert.Contains(live, o => o is DisplayOutput d && d.Data["text/plain"].StartsWith("[output from cell [1]", StringComparison.Ordinal));
    }
}
