using Workbook.Notebooks.Execution;

namespace Workbook.Notebooks.Tests;

// The engine's contract, cell by cell. Sessions share the process-wide console, so these run
// one at a time.
[Collection(nameof(ConsoleCapturing))]
public sealed class NotebookSessionTests
{
    private static NotebookSession NewSession(int maxOutput = 100_000) => new(new NotebookSessionOptions
    {
        BaseDirectory = Repository.Samples, MaxOutputCharsPerCell = maxOutput, InterruptGrace = TimeSpan.FromMilliseconds(300),
    });

    private static string Stdout(CellResult r) => string.Concat(r.Outputs.OfType<StreamOutput>().Where(s => s.Name == "stdout").Select(s => s.Text));

    private static string? ResultText(CellResult r) => r.Outputs.OfType<ResultOutput>().SingleOrDefault()?.Data["text/plain"];

    [Fact]
    public async Task State_carries_across_cells()
    {
        using var s = NewSession();
        await s.ExecuteAsync("var x = 40; int Twice(int n) => 2 * n; record Point(int X, int Y);");
        var r = await s.ExecuteAsync("new Point(Twice(x), x + 2)");
        Assert.Equal(CellStatus.Ok, r.Status);
        Assert.Equal("Point { X = 80, Y = 42 }", ResultText(r));
        Assert.Equal(2, r.ExecutionCount);
    }

    [Fact]
    public async Task A_value_whose_display_throws_is_the_cells_error_and_the_session_goes_on()
    {
        // A chart given a null series threw inside its ToMimeBundle; before, that exception left
        // the engine and ended the kernel's host.
        using var s = NewSession();
        await s.ExecuteAsync("public sealed class Broken { public IReadOnlyDictionary<string, string> ToMimeBundle() => throw new ArgumentException(\"no values to draw\"); }");
        var r = await s.ExecuteAsync("new Broken()");
        Assert.Equal(CellStatus.Error, r.Status);
        Assert.Contains("no values to draw", r.Error!.Value);
        Assert.Equal("ok", ResultText(await s.ExecuteAsync("\"ok\"")));
    }

    [Fact]
    public async Task Only_a_last_expression_without_semicolon_becomes_the_result()
    {
        using var s = NewSession();
        Assert.Equal("3", ResultText(await s.ExecuteAsync("1 + 2")));
        Assert.Null(ResultText(await s.ExecuteAsync("1 + 2;")));
        Assert.Null(ResultText(await s.ExecuteAsync("Console.WriteLine(\"void call\")")));
        Assert.Equal("<null>", ResultText(await s.ExecuteAsync("(string?)null")));
        Assert.Equal("[1, 2, 3]", ResultText(await s.ExecuteAsync("new List<int> { 1, 2, 3 }")));
    }

    [Fact]
    public async Task Top_level_await_and_console_output_are_captured_per_cell()
    {
        using var s = NewSession();
        var first = await s.ExecuteAsync("await Task.Delay(10); Console.WriteLine(\"one\"); Console.Error.WriteLine(\"oops\"); await Task.Run(() => Console.WriteLine(\"two\"));");
        var second = await s.ExecuteAsync("Console.Write(\"three\");");
        Assert.Equal("one\ntwo\n", Stdout(first).Replace("\r\n", "\n"));
        Assert.Contains(first.Outputs, o => o is StreamOutput { Name: "stderr", Text: var t } && t.StartsWith("oops"));
        Assert.Equal("three", Stdout(second));
    }

    [Fact]
    public async Task Outputs_keep_their_order_and_merge_consecutive_stream_writes()
    {
        using var s = NewSession();
        var r = await s.ExecuteAsync("Console.Write(\"a\"); Console.Write(\"b\"); display(Markdown(\"**bold**\")); Console.Write(\"c\"); 7");
        Assert.Collection(r.Outputs,
            o => Assert.Equal(new StreamOutput("stdout", "ab"), o),
            o => Assert.Equal("**bold**", Assert.IsType<DisplayOutput>(o).Data["text/markdown"]),
            o => Assert.Equal(new StreamOutput("stdout", "c"), o),
            o => Assert.Equal("7", Assert.IsType<ResultOutput>(o).Data["text/plain"]));
    }

    [Fact]
    public async Task Values_with_ToMimeBundle_choose_their_representations()
    {
        using var s = NewSession();
        var r = await s.ExecuteAsync("""
            class Chart { public IReadOnlyDictionary<string, string> ToMimeBundle() => new Dictionary<string, string> { ["text/html"] = "<b>chart</b>" }; }
            new Chart()
            """);
        var data = Assert.IsType<ResultOutput>(Assert.Single(r.Outputs)).Data;
        Assert.Equal("<b>chart</b>", data["text/html"]);
        Assert.True(data.ContainsKey("text/plain"));
        var helpers = await s.ExecuteAsync("display(HTML(\"<i>x</i>\")); Display(Svg(\"<svg/>\"));");
        Assert.Equal(["text/html", "image/svg+xml"], helpers.Outputs.Cast<DisplayOutput>().Select(d => d.Data.Keys.First(k => k != "text/plain")));
    }

    [Fact]
    public async Task Hash_r_resolves_relative_to_the_notebook_folder_and_diagrams_render_as_svg()
    {
        using var s = NewSession();
        var r = await s.ExecuteAsync("""
            #r "../../../artifacts/bin/Otp/debug/Otp.dll"
            using Otp;
            var node = Node.StartDeterministic();
            await node.RunAsync(async self => { var p = self.Spawn(async me => await me.Receive()); self.Send(p, "hi"); });
            node.Trace!.ToSequenceDiagram()
            """);
        Assert.Equal(CellStatus.Ok, r.Status);
        Assert.StartsWith("<svg", Assert.IsType<ResultOutput>(Assert.Single(r.Outputs)).Data["image/svg+xml"]);
    }

    [Fact]
    public async Task Compile_errors_name_the_line_within_the_cell_and_change_nothing()
    {
        using var s = NewSession();
        await s.ExecuteAsync("var kept = 1;");
        var r = await s.ExecuteAsync("var a = 1;\nvar b = missing + 1;\nvar kept = 2;");
        Assert.Equal(CellStatus.Error, r.Status);
        Assert.Equal("CompilationError", r.Error!.Name);
        Assert.Contains(r.Error.Traceback, l => l.StartsWith("(line 2, column 9): error CS0103", StringComparison.Ordinal));
        Assert.Equal("1", ResultText(await s.ExecuteAsync("kept")));
    }

    [Fact]
    public async Task Exceptions_report_cell_line_numbers_and_keep_the_state_reached()
    {
        using var s = NewSession();
        await s.ExecuteAsync("void Fail() =>\n  throw new InvalidOperationException(\"boom\");");
        var r = await s.ExecuteAsync("var before = 5;\n\nFail();");
        Assert.Equal(CellStatus.Error, r.Status);
        Assert.Equal("System.InvalidOperationException", r.Error!.Name);
        Assert.Equal("boom", r.Error.Value);
        Assert.Contains("   at line 2 of cell [1]", r.Error.Traceback);
        Assert.Contains("   at line 3 of cell [2]", r.Error.Traceback);
        Assert.Equal("5", ResultText(await s.ExecuteAsync("before")));
    }

    [Fact]
    public async Task An_interrupted_endless_wait_is_abandoned_and_the_session_goes_on()
    {
        using var s = NewSession();
        await s.ExecuteAsync("var survivor = \"still here\";");
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var r = await s.ExecuteAsync("Console.WriteLine(\"waiting\"); await new TaskCompletionSource().Task;", cancellationToken: interrupt.Token);
        Assert.Equal(CellStatus.Interrupted, r.Status);
        Assert.True(r.StillRunning);
        Assert.Equal("waiting\n", Stdout(r).Replace("\r\n", "\n"));
        Assert.Equal("still here", ResultText(await s.ExecuteAsync("survivor")));
    }

    [Fact]
    public async Task A_loop_that_watches_its_cancellation_token_stops_on_interrupt()
    {
        using var s = NewSession();
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var r = await s.ExecuteAsync("while (true) { CancellationToken.ThrowIfCancellationRequested(); await Task.Delay(5); }", cancellationToken: interrupt.Token);
        Assert.Equal(CellStatus.Interrupted, r.Status);
        Assert.False(r.StillRunning);
    }

    [Fact]
    public async Task Huge_output_is_cut_at_the_budget_with_a_notice()
    {
        using var s = NewSession(maxOutput: 1_000);
        var r = await s.ExecuteAsync("for (var i = 0; i < 10_000; i++) Console.WriteLine(i);");
        Assert.Equal(CellStatus.Ok, r.Status);
        Assert.Equal(1_000, Stdout(r).Length);
        var notice = r.Outputs.OfType<StreamOutput>().Last(o => o.Name == "stderr").Text;
        Assert.Contains("output truncated", notice);
        Assert.Equal("1", ResultText(await s.ExecuteAsync("1")));
    }

    [Fact]
    public async Task Live_listener_sees_output_while_the_cell_runs()
    {
        using var s = NewSession();
        var seen = new TaskCompletionSource<string>();
        var running = s.ExecuteAsync("Console.WriteLine(\"early\"); await Task.Delay(2000);",
            onOutput: o => { if (o is StreamOutput so) seen.TrySetResult(so.Text); });
        var first = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(running.IsCompleted);
        Assert.StartsWith("early", first);
        await running;
    }

    [Theory]
    [InlineData("var x = 1;", true)]
    [InlineData("void F() {", false)]
    [InlineData("var s = \"unterminated", false)]
    [InlineData("", true)]
    public void IsComplete_tells_a_finished_submission(string code, bool complete) =>
        Assert.Equal(complete, NotebookSession.IsComplete(code));

    [Fact]
    public async Task Completion_offers_members_and_names_in_scope()
    {
        using var s = NewSession();
        await s.ExecuteAsync("var greeting = \"hi\";");
        var members = s.Complete("greeting.ToUp", 13);
        Assert.Contains("ToUpper", members.Matches);
        Assert.Equal(9, members.Start);
        var names = s.Complete("gree", 4);
        Assert.Contains("greeting", names.Matches);
    }
}

[CollectionDefinition(nameof(ConsoleCapturing), DisableParallelization = true)]
public sealed class ConsoleCapturing;
