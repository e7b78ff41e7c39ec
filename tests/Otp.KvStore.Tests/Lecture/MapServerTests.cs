using Otp.Behaviours;
using Otp.Terms;
using Otp.KvStore.Lecture;

namespace Otp.KvStore.Tests.Lecture;

/// <summary>The lecture's map server on the local node, compared with the same server in Elixir.</summary>
public class MapServerTests
{
    private static readonly Atom A = new("a");

    /// <summary>The calls of map_server.exs, in order, each reply printed as Erlang's <c>~p</c> prints it.</summary>
    private static Task<List<string>> CSharpRepliesAsync(Node node) => node.RunAsync(async self =>
    {
        await MapServer.StartLinkAsync(self);
        var lines = new List<string> { Term.Format(self.Node.WhereIs(MapServer.Name) is not null) };
        async Task Show(ValueTask<object> reply) => lines.Add(Term.Format(await reply));
        await Show(MapServer.GetAsync(self, A));
        await Show(MapServer.PutAsync(self, A, 5));
        await Show(MapServer.GetAsync(self, A));
        await Show(MapServer.PutAsync(self, A, new ErlangTuple(new Atom("x"), new ErlangList(1, 2))));
        await Show(MapServer.GetAsync(self, A));
        await Show(MapServer.PutAsync(self, new ErlangTuple(new Atom("k"), 1), new Atom("v")));
        await Show(MapServer.GetAsync(self, (new Atom("k"), 1L))); // another C# shape of the same term
        await Show(MapServer.PutAsync(self, 1, new Atom("int")));
        await Show(MapServer.GetAsync(self, 1));
        await Show(MapServer.GetAsync(self, 1.0));
        return lines;
    });

    [Fact]
    public async Task Put_and_get_answer_as_the_lecture_says()
    {
        using var node = Node.StartDeterministic(trace: false);
        Assert.Equal(["true", "nil", "ok", "5", "ok", "{x,[1,2]}", "ok", "v", "ok", "int", "nil"], await CSharpRepliesAsync(node));
    }

    [Fact]
    public async Task Replies_match_an_Elixir_map_server()
    {
        var elixir = await ElixirScript.RunAsync("map_server.exs");
        using var node = Node.StartDeterministic(trace: false);
        Assert.Equal(elixir, await CSharpRepliesAsync(node));
    }

    [Fact]
    public async Task Calls_by_the_registered_name_as_iex_would_make_them()
    {
        using var node = Node.StartDeterministic(trace: false);
        var (put, get, unknown) = await node.RunAsync(async self =>
        {
            await MapServer.StartLinkAsync(self);
            // GenServer.call(KvStore.MapServer, {:put, :a, 5}) names the server by this atom.
            var put = await GenServer.CallAsync(self, "Elixir.KvStore.MapServer", new ErlangTuple(new Atom("put"), A, 5));
            var get = await GenServer.CallAsync(self, "Elixir.KvStore.MapServer", (new Atom("get"), A));
            var unknown = await GenServer.CallAsync(self, "Elixir.KvStore.MapServer", (new Atom("get"), new Atom("b")));
            return (put, get, unknown);
        });
        Assert.Equal(new Atom("ok"), put);
        Assert.Equal(5, get);
        Assert.Equal(new Atom("nil"), unknown);
    }

    [Fact]
    public async Task A_second_start_finds_the_name_taken()
    {
        using var node = Node.StartDeterministic(trace: false);
        var error = await node.RunAsync(async self =>
        {
            var first = await MapServer.StartLinkAsync(self);
            var e = await Assert.ThrowsAsync<StartFailedException>(async () => await MapServer.StartLinkAsync(self));
            return (e.Reason.Term, first);
        });
        Assert.Equal(Term.Format((new Atom("already_started"), error.first)), Term.Format(error.Term));
    }
}
