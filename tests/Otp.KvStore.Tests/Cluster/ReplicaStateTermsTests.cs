using Otp.Behaviours;
using Otp.Crdts;
using Otp.Crdts.Maps;
using Otp.Distribution.Terms;
using Otp.KvStore.Cluster;
using Otp.KvStore.Http;

namespace Otp.KvStore.Tests.Cluster;

/// <summary>A replica's state as it crosses nodes: through the real external term format and back,
/// and what a replica does with a state that is not one.</summary>
public class ReplicaStateTermsTests
{
    private static StoredValue Text(string s) => new(System.Text.Encoding.UTF8.GetBytes(s), "text/plain");

    private static MVMap<string, StoredValue> Across(MVMap<string, StoredValue> state) =>
        ReplicaStateTerms.Decode(ExternalTermFormat.Decode(ExternalTermFormat.Encode(ReplicaStateTerms.Encode(state))));

    [Fact]
    public void A_state_with_concurrent_values_and_a_delete_comes_back_equal()
    {
        ReplicaId a = "node0@h/1", b = "node1@h/2";
        var left = MVMap<string, StoredValue>.Empty.Set(a, "k", Text("left")).Set(a, "gone", Text("x")).Remove("gone");
        var right = MVMap<string, StoredValue>.Empty.Set(b, "k", Text("right")).Set(b, "ü/ключ", new StoredValue([0, 255, 1], "application/octet-stream"));
        var merged = left.Merge(right);
        Assert.Equal(2, merged.Value["k"].Count); // the concurrent writes are both kept

        var back = Across(merged);

        Assert.Equal(merged, back); // values, dots and context
        Assert.Equal(merged.Value.Keys, back.Value.Keys);
        // Merging what came back changes nothing, and a further write on either side still wins over both.
        Assert.Equal(merged, merged.Merge(back));
        Assert.Equal([Text("after")], back.Set(a, "k", Text("after")).Value["k"]);
    }

    [Fact]
    public void The_empty_state_comes_back_empty() =>
        Assert.Equal(MVMap<string, StoredValue>.Empty, Across(MVMap<string, StoredValue>.Empty));

    [Theory]
    [InlineData("not a state")]
    [InlineData(42)]
    public void Anything_else_is_a_format_error(object term) =>
        Assert.Throws<FormatException>(() => ReplicaStateTerms.Decode(term));

    [Fact]
    public void A_state_with_a_wrong_element_is_a_format_error() =>
        Assert.Throws<FormatException>(() => ReplicaStateTerms.Decode(
            new ErlangTuple(new Atom("kv_state"), new ErlangList(), new ErlangList(new ErlangTuple("k"u8.ToArray(), new ErlangList(new ErlangTuple(1, 2)))))));

    [Fact]
    public async Task A_replica_answers_a_malformed_join_with_an_error_and_keeps_its_state()
    {
        using var node = Node.StartDeterministic(trace: false);
        await GenServer.StartAsync(node, new ReplicaServer("r/1"), ReplicaServer.Name);
        var (bad, after, alive) = await node.RunAsync(async self =>
        {
            await GenServer.CallAsync(self, ReplicaServer.Name, new ErlangTuple(new Atom("kv_set"), "k", "text/plain", "v"u8.ToArray()));
            var bad = await GenServer.CallAsync(self, ReplicaServer.Name, new ErlangTuple(new Atom("kv_join"), new ErlangTuple(new Atom("kv_state"), 1, 2)));
            GenServer.Cast(self, ReplicaServer.Name, new ErlangTuple(new Atom("kv_join"), "garbage"));
            var after = (ErlangList)await GenServer.CallAsync(self, ReplicaServer.Name, new ErlangTuple(new Atom("kv_get"), "k"));
            return (bad, after, self.Node.WhereIs(ReplicaServer.Name) is not null);
        });
        Assert.Equal("{error,bad_state}", Otp.Terms.Term.Format(bad));
        Assert.Single(after);
        Assert.True(alive);
    }
}
