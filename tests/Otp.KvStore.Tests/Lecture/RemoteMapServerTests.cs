using Otp.Behaviours;
using Otp.Distribution.Tests.Nodes;
using Otp.KvStore.Lecture;
using Otp.Terms;

namespace Otp.KvStore.Tests.Lecture;

/// <summary>
/// The lecture's map server across real nodes: an <c>elixir</c> node makes the lecture's calls
/// against a C# node and against its own Elixir map server, and must get the same answers; the C#
/// node makes the same calls against the Elixir server. Everything on loopback with a private EPMD.
/// </summary>
public class RemoteMapServerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly Atom A = new("a");

    // The lecture's server, written for this test (as map_server.exs), and the lecture's calls made
    // from iex against a node: put :a, get :a, get :b, each reply printed with inspect.
    private static string ElixirDriver(string csNode) => $$"""
        defmodule KvStore.MapServer do
          use GenServer
          def start_link(_), do: GenServer.start_link(__MODULE__, %{}, name: __MODULE__)
          @impl true
          def init(map), do: {:ok, map}
          @impl true
          def handle_call({:put, k, v}, _from, map), do: {:reply, :ok, Map.put(map, k, v)}
          def handle_call({:get, k}, _from, map), do: {:reply, Map.get(map, k), map}
        end
        {:ok, _} = KvStore.MapServer.start_link([])
        lecture = fn node ->
          [GenServer.call({KvStore.MapServer, node}, {:put, :a, 5}),
           GenServer.call({KvStore.MapServer, node}, {:get, :a}),
           GenServer.call({KvStore.MapServer, node}, {:get, :b})]
          |> Enum.map(&inspect/1) |> Enum.join(" ")
        end
        IO.puts "csharp: " <> lecture.(:"{{csNode}}")
        IO.puts "elixir: " <> lecture.(node())
        IO.puts "ready"
        receive do
          :stop -> :ok
        after
          60_000 -> :ok
        end
        """;

    [Fact]
    public async Task Iex_gets_the_same_answers_from_a_csharp_node_as_from_an_elixir_node()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs");
        await GenServer.StartAsync(cs, new MapServer(), MapServer.Name);
        await using var iex = ErlNode.StartElixir(cluster, cluster.NameOf("ex"), ElixirDriver(cs.Name));
        var fromCSharp = await iex.LineAsync(l => l.StartsWith("csharp: ", StringComparison.Ordinal), Wait);
        var fromElixir = await iex.LineAsync(l => l.StartsWith("elixir: ", StringComparison.Ordinal), Wait);
        Assert.Equal("csharp: :ok 5 nil", fromCSharp);
        Assert.Equal(fromElixir["elixir: ".Length..], fromCSharp["csharp: ".Length..]);

        // The C# server kept what iex put.
        var local = await cs.RunAsync(self => MapServer.GetAsync(self, A).AsTask());
        Assert.Equal(5L, Convert.ToInt64(local, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_csharp_calls_work_against_an_elixir_map_server()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs");
        // The driver calls the C# node first, so the C# server runs before it starts.
        await GenServer.StartAsync(cs, new MapServer(), MapServer.Name);
        await using var iex = ErlNode.StartElixir(cluster, cluster.NameOf("ex"), ElixirDriver(cs.Name));
        await iex.LineAsync("ready", Wait);
        var replies = await cs.RunAsync(async self =>
        {
            // put :c (the driver put :a already, so :b is still missing on the Elixir node).
            var put = await MapServer.PutAsync(self, iex.Name, new Atom("c"), new ErlangTuple(new Atom("x"), 1));
            var got = await MapServer.GetAsync(self, iex.Name, new Atom("c"));
            var a = await MapServer.GetAsync(self, iex.Name, A);
            var missing = await MapServer.GetAsync(self, iex.Name, new Atom("b"));
            return new[] { put, got, a, missing }.Select(Term.Format).ToList();
        });
        Assert.Equal(["ok", "{x,1}", "5", "nil"], replies);
    }

    [Fact]
    public async Task A_call_to_a_node_that_is_not_there_fails_with_nodedown()
    {
        await using var cluster = TestCluster.Start();
        var cs = await cluster.StartNodeAsync("cs");
        var nobody = cluster.NameOf("nobody");
        var e = await cs.RunAsync(self => Assert.ThrowsAsync<ExitException>(async () => await MapServer.GetAsync(self, nobody, A)));
        Assert.StartsWith($"{{{{nodedown,{nobody}}}", Term.Format(e.Reason.Term));
    }
}
