using Lab07.ReplicatedKv;
using Otp;
using Otp.Behaviours;

namespace Labs.Alternatives.Tests.Lab07;

/// <summary>A wrong answer to lab 7, task 4: it gossips as it should, but on a tie it takes the
/// value it received, so what a replica ends with depends on the order states arrive in. Two
/// replicas swap their values round after round and never agree.</summary>
public sealed class TakeTheirsReplica : IReplicaServer
{
    /// <inheritdoc/>
    public string Name => "kv_replica";

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
            all.Cast<ErlangTuple>().ToDictionary(t => Wire.Text(t[1]), t => Wire.Text(t[2])), StringComparer.Ordinal);
    }

    // Key -> {Clock, Key, Value}; the clock is a per-replica counter of writes, no node in the stamp.
    private sealed class Server(string name, string[] peers) : GenServer<SortedDictionary<string, ErlangTuple>>
    {
        protected override ValueTask<SortedDictionary<string, ErlangTuple>> InitAsync()
        {
            Self.SendAfter(TimeSpan.FromSeconds(1), Self.Self, new Atom("sync"));
            return ValueTask.FromResult(new SortedDictionary<string, ErlangTuple>(StringComparer.Ordinal));
        }

        protected override ValueTask<ServerResult<SortedDictionary<string, ErlangTuple>>> HandleCallAsync(object request, From from, SortedDictionary<string, ErlangTuple> data)
        {
            if (request is (Atom { Name: "set" }, object key, object value))
            {
                var k = Wire.Text(key);
                var clock = data.TryGetValue(k, out var old) ? Convert.ToInt64(old[0]) + 1 : 1;
                data[k] = new ErlangTuple(clock, k, Wire.Text(value));
                return ValueTask.FromResult(Reply(new Atom("ok"), data));
            }
            return ValueTask.FromResult(Reply(new ErlangList([.. data.Values.Cast<object?>()]), data));
        }

        protected override ValueTask<ServerResult<SortedDictionary<string, ErlangTuple>>> HandleInfoAsync(object message, SortedDictionary<string, ErlangTuple> data)
        {
            if (message is Atom { Name: "sync" })
            {
                foreach (var peer in peers) Self.Send(name, peer, new ErlangTuple(new Atom("state"), new ErlangList([.. data.Values.Cast<object?>()])));
                Self.SendAfter(TimeSpan.FromSeconds(1), Self.Self, new Atom("sync"));
            }
            else if (message is (Atom { Name: "state" }, ErlangList entries))
                foreach (var entry in entries.Cast<ErlangTuple>())
                {
                    var k = Wire.Text(entry[1]);
                    // The fault: ">=" takes theirs on a tie, so the outcome depends on arrival order.
                    if (!data.TryGetValue(k, out var mine) || Convert.ToInt64(entry[0]) >= Convert.ToInt64(mine[0]))
                        data[k] = new ErlangTuple(entry[0], k, Wire.Text(entry[2]));
                }
            return ValueTask.FromResult(NoReply(data));
        }
    }
}
