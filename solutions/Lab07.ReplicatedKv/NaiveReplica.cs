using Otp;
using Otp.Behaviours;

namespace Lab07.ReplicatedKv;

/// <summary>Given: the lecture's replication, the contrast for Task 4. A replica stores a client's
/// write and sends it, once, to the replica of every other node. While every message arrives that
/// is enough; a write made during a partition is dropped on the way to the other side, and nothing
/// ever sends it again.</summary>
public sealed class NaiveReplica : IReplicaServer
{
    /// <inheritdoc/>
    public string Name => "kv_naive";

    /// <inheritdoc/>
    public async Task<Pid> StartAsync(Process self, IReadOnlyList<string> nodes) =>
        await GenServer.StartAsync(self, new Server(Name, [.. nodes.Where(n => n != self.Node.Name)]), Name);

    /// <inheritdoc/>
    public async Task SetAsync(Process self, string node, string key, string value) =>
        await GenServer.CallAsync(self, Name, node, new ErlangTuple(new Atom("set"), key, value));

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, string>> ReadAllAsync(Process self, string node)
    {
        var all = (ErlangList)await GenServer.CallAsync(self, Name, node, new Atom("read_all"));
        return new SortedDictionary<string, string>(
            all.Cast<ErlangTuple>().ToDictionary(t => Wire.Text(t[0]), t => Wire.Text(t[1])), StringComparer.Ordinal);
    }

    private sealed class Server(string name, string[] peers) : GenServer<SortedDictionary<string, string>>
    {
        protected override ValueTask<SortedDictionary<string, string>> InitAsync() =>
            ValueTask.FromResult(new SortedDictionary<string, string>(StringComparer.Ordinal));

        protected override ValueTask<ServerResult<SortedDictionary<string, string>>> HandleCallAsync(object request, From from, SortedDictionary<string, string> data)
        {
            switch (request)
            {
                case (Atom { Name: "set" }, object key, object value):
                    data[Wire.Text(key)] = Wire.Text(value);
                    // Once, to every other node: a peer that cannot be reached now never gets it.
                    foreach (var peer in peers) GenServer.Cast(Self, name, peer, new ErlangTuple(new Atom("replicate"), key, value));
                    return ValueTask.FromResult(Reply(new Atom("ok"), data));
                case Atom { Name: "read_all" }:
                    return ValueTask.FromResult(Reply(new ErlangList([.. data.Select(kv => (object?)new ErlangTuple(kv.Key, kv.Value))]), data));
                default:
                    return ValueTask.FromResult(Reply(new Atom("badrequest"), data));
            }
        }

        protected override ValueTask<ServerResult<SortedDictionary<string, string>>> HandleCastAsync(object request, SortedDictionary<string, string> data)
        {
            if (request is (Atom { Name: "replicate" }, object key, object value)) data[Wire.Text(key)] = Wire.Text(value);
            return ValueTask.FromResult(NoReply(data));
        }
    }
}
