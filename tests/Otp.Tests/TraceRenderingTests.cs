using System.Xml.Linq;
using Otp.Tracing;

namespace Otp.Tests;

/// <summary>The trace: what it records, and its renderings as text, SVG and Mermaid.</summary>
public class TraceRenderingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>A client asks a server registered as "server" and a worker crashes.</summary>
    private static async Task<Node> RunSmallSystem(string payload = "hello")
    {
        var node = Node.StartDeterministic();
        await node.RunAsync(async self =>
        {
            node.Trace!.Label(self.Self, "client");
            var server = self.Spawn(async me =>
            {
                me.Register("server");
                var ping = await me.Receive<Ping>();
                me.Send(ping.From, new Pong(ping.N));
            });
            await self.Yield();
            self.Send("server", new Ping(self.Self, 1));
            await self.Receive<Pong>();
            self.TrapExit = true;
            self.SpawnLink(async _ => throw new InvalidOperationException(payload));
            await self.Receive<ExitSignal>();
            await self.Receive(_ => true, TimeSpan.FromSeconds(1));
            _ = server;
        });
        return node;
    }

    [Fact]
    public async Task The_text_trace_tells_the_story_in_order()
    {
        using var node = await RunSmallSystem();
        var text = node.Trace!.ToText(withTime: false);
        Assert.Equal(
            """
            outside spawns client
            client spawns server
            <0.2.0> registered as server
            client ! server Ping { From = <0.1.0>, N = 1 }
            server receives Ping { From = <0.1.0>, N = 1 }
            server ! client Pong { N = 1 }
            server exits normal
            client receives Pong { N = 1 }
            client spawns and links <0.3.0>
            <0.3.0> exits {'InvalidOperationException',"hello"}
            client receives {'EXIT',<0.3.0>,{'InvalidOperationException',"hello"}}
            client times out
            client exits normal

            """.Replace("\r\n", "\n"), text);
        Assert.Contains("   1.000s  client times out\n", node.Trace.ToText());
    }

    [Fact]
    public async Task The_sequence_diagram_is_well_formed_svg_with_a_lifeline_per_participant()
    {
        using var node = await RunSmallSystem("<&>'\"");
        var diagram = node.Trace!.ToSequenceDiagram(title: "client & server");
        var doc = XDocument.Parse(diagram.Svg);
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        foreach (var participant in new[] { "outside", "client", "server", "<0.3.0>" })
            Assert.Contains(participant, texts);
        Assert.Contains("client & server", texts);
        // Markup in a message is escaped, not interpreted.
        Assert.Contains(texts, t => t.Contains("<&>'\\\""));
        // One dashed lifeline per participant.
        Assert.Equal(4, doc.Descendants(Svg + "line").Count(l => (string?)l.Attribute("stroke-dasharray") == "3,3"));
        Assert.Equal(diagram.Svg, diagram.ToMimeBundle()["image/svg+xml"]);
    }

    [Fact]
    public async Task The_mermaid_diagram_declares_every_participant_and_draws_the_messages()
    {
        using var node = await RunSmallSystem();
        var lines = node.Trace!.ToMermaid().Split('\n');
        Assert.Equal("sequenceDiagram", lines[0]);
        var participants = lines.Where(l => l.TrimStart().StartsWith("participant ")).Select(l => l.Trim()).ToList();
        Assert.Equal(["participant P0 as outside", "participant P1 as client", "participant P2 as server", "participant P3 as &lt;0.3.0&gt;"], participants);
        Assert.Contains("    P1->>P2: Ping { From = <0.1.0>, N = 1 }", lines);
        Assert.Contains("    P2->>P1: Pong { N = 1 }", lines);
        Assert.Contains("    P1-->>P3: spawn_link", lines);
    }

    [Fact]
    public async Task A_filter_keeps_only_the_chosen_events()
    {
        using var node = await RunSmallSystem();
        var sends = node.Trace!.ToText(withTime: false, filter: e => e.Kind == TraceKind.Send);
        Assert.Equal(2, sends.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var svg = XDocument.Parse(node.Trace.ToSequenceDiagram(e => e.Kind == TraceKind.Send).Svg);
        Assert.DoesNotContain(svg.Descendants(Svg + "text"), t => t.Value == "outside");
    }

    [Fact]
    public async Task Exit_signals_monitors_and_timers_are_recorded()
    {
        using var node = Node.StartDeterministic();
        await node.RunAsync(async self =>
        {
            var target = self.Spawn(async me => await me.Receive(m => m is "never"));
            self.Monitor(target);
            self.SendAfter(TimeSpan.FromSeconds(2), self.Self, "tick");
            await self.Receive(m => m is "tick");
            self.Exit(target, ExitReason.Kill);
            await self.Receive<Down>();
        });
        var kinds = node.Trace!.Events.Select(e => e.Kind).ToList();
        Assert.Contains(TraceKind.Monitor, kinds);
        Assert.Contains(TraceKind.Timer, kinds);
        Assert.Contains(TraceKind.ExitSignal, kinds);
        Assert.Contains(TraceKind.Down, kinds);
        Assert.Contains("<0.1.0> sends exit kill to <0.2.0>", node.Trace.ToText());
        Assert.Contains("<0.2.0> DOWN killed to <0.1.0>", node.Trace.ToText());
    }
}
