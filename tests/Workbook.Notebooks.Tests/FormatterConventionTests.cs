using System.Collections;
using Workbook.Notebooks.Execution;

namespace Workbook.Notebooks.Tests;

// .NET Interactive shows a value with the formatters named by an attribute called
// TypeFormatterSourceAttribute, found by name, without any package reference. This applies that
// convention by reflection, member by member as .NET Interactive binds it, to every kind of
// diagram the notebooks show: if the attribute or a member went missing, they would show as
// escaped SVG text there.
[Collection(nameof(ConsoleCapturing))]
public sealed class FormatterConventionTests
{
    [Fact]
    public async Task Every_diagram_type_offers_svg_through_the_by_name_formatter_convention()
    {
        using var s = new NotebookSession(new NotebookSessionOptions { BaseDirectory = Repository.Samples });
        var cell = await s.ExecuteAsync("""
            #r "../../../artifacts/bin/Otp/debug/Otp.dll"
            #r "../../../artifacts/bin/Workbook.Notebooks.Helpers/debug/Workbook.Notebooks.Helpers.dll"
            using Otp;
            using Otp.Behaviours;
            using Workbook.Notebooks.Helpers.Charts;
            var node = Node.StartDeterministic();
            await node.RunAsync(async self => { var p = self.Spawn(async me => await me.Receive()); self.Send(p, "hi"); });
            AppDomain.CurrentDomain.SetData("convention-test", new object[]
            {
                node.Trace!.ToSequenceDiagram(),
                StateDiagram.Render([("a", "go", "b")], "a"),
                new SupervisionTree("top", null, ChildType.Supervisor, []),
                new LineChart("cost", [0, 1000], [new Series("plain", "#c33", [1.0, 2.0])]),
                new Workbook.Notebooks.Helpers.KvStore.ReplicaStates("replicas", ["n0"], [new("now", ["k=[v]"])]),
            });
            """);
        Assert.Equal(CellStatus.Ok, cell.Status);
        foreach (var value in (object[])AppDomain.CurrentDomain.GetData("convention-test")!)
        {
            var (preferred, formatted) = FormatByConvention(value);
            Assert.Equal("image/svg+xml", preferred[0]);
            Assert.StartsWith("<svg", formatted["image/svg+xml"]);
            Assert.False(string.IsNullOrEmpty(formatted["text/plain"]), value.GetType().Name);
        }
    }

    [Fact]
    public async Task The_erlang_script_helper_shows_its_source_as_markdown_by_the_same_convention()
    {
        using var s = new NotebookSession(new NotebookSessionOptions { BaseDirectory = Repository.Samples });
        var cell = await s.ExecuteAsync("""
            #r "../../../artifacts/bin/Otp/debug/Otp.dll"
            #r "../../../artifacts/bin/Workbook.Notebooks.Helpers/debug/Workbook.Notebooks.Helpers.dll"
            AppDomain.CurrentDomain.SetData("convention-test", Workbook.Notebooks.Helpers.Erlang.Escript.Load("erlang/receive_cost.escript"));
            """);
        Assert.Equal(CellStatus.Ok, cell.Status);
        var (preferred, formatted) = FormatByConvention(AppDomain.CurrentDomain.GetData("convention-test")!);
        Assert.Equal("text/markdown", preferred[0]);
        Assert.StartsWith("```erlang\n#!/usr/bin/env escript", formatted["text/markdown"]);
    }

    [Fact]
    public async Task The_erlang_script_helper_runs_escript_and_reports_one_line_per_backlog()
    {
        using var s = new NotebookSession(new NotebookSessionOptions { BaseDirectory = Repository.Samples });
        var cell = await s.ExecuteAsync("""
            #r "../../../artifacts/bin/Otp/debug/Otp.dll"
            #r "../../../artifacts/bin/Workbook.Notebooks.Helpers/debug/Workbook.Notebooks.Helpers.dll"
            var rows = await Workbook.Notebooks.Helpers.Erlang.Escript.Load("erlang/receive_cost.escript").RunAsync("0,10");
            rows is null ? "no escript" : string.Join("|", rows.Select(r => r.Split(' ').Length + " columns for " + r.Split(' ')[0]))
            """);
        Assert.Equal(CellStatus.Ok, cell.Status);
        var shown = cell.Outputs.OfType<ResultOutput>().Single().Data["text/plain"];
        if (shown == "no escript") Workbook.ErlangTools.Require("escript");
        Assert.Equal("3 columns for 0|3 columns for 10", shown);
    }

    /// <summary>What .NET Interactive would send for <paramref name="value"/>: its preferred MIME
    /// types and, for each formatter the source creates, the text it writes.</summary>
    private static (string[] Preferred, Dictionary<string, string> Formatted) FormatByConvention(object value)
    {
        var attribute = value.GetType().GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var preferred = (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!;
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = (IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        var formatted = new Dictionary<string, string>();
        foreach (var formatter in formatters)
        {
            var mimeType = (string)formatter.GetType().GetProperty("MimeType")!.GetValue(formatter)!;
            var type = (Type?)formatter.GetType().GetProperty("Type")?.GetValue(formatter);
            Assert.True(type is null || type.IsInstanceOfType(value), $"{mimeType} formatter is for {type}, not {value.GetType()}");
            var format = formatter.GetType().GetMethod("Format", [typeof(object), typeof(TextWriter)])!;
            Assert.Equal(typeof(bool), format.ReturnType);
            using var writer = new StringWriter();
            if ((bool)format.Invoke(formatter, [value, writer])!) formatted[mimeType] = writer.ToString();
        }
        return (preferred, formatted);
    }
}
