using Lab07.ReplicatedKv;
using Otp;
using Otp.Behaviours;

namespace Labs.Alternatives.Tests.Lab07;

/// <summary>A correct answer to lab 7, task 4, other than the reference: last-writer-wins with
/// stamps from the node's clock (in ticks, kept above every stamp the replica has seen, so a write
/// that saw another still wins over it), ties broken by node name; the state travels as an Erlang
/// map of binaries, twice as often as the reference's. Every test of the task must pass.</summary>
public sealed class WallClockReplica : IReplicaServer
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc/>
    public string Name => "kv_replica";

    /// <inheritdoc/>
    public async Task<Pid> StartAsync(Process self, IReadOnlyList<string> nodes) =>
        await GenServer.StartAsync(self, new Server(Name, [.. nodes.Where(n => n != self.Node.Name)]), Name);

    /// <inheritdoc/>
    public async Task SetAsync(Process self, string node, string key, string value) =>
        await GenServer.CallAsync(self, Name, node, new ErlangTuple(new Atom("put"), Binary.FromString(key), Binary.FromString(value)));

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, string>> ReadAllAsync(Process self, string node)
    {
        var all = (ErlangMap)await GenServer.CallAsync(self, Name, node, new Atom("dump"));
        return new SortedDictionary<string, string>(
            all.ToDictionary(kv => Wire.Text(kv.Key), kv => Wire.Text(((ErlangTuple)kv.Value!)[2])), StringComparer.Ordinal);
    }

    // Key (binary) -> {Ticks, Node (atom), Value (binary)}.
    private sealed class Server(string name, string[] peers) : GenServer<Dictionary<object, ErlangTuple>>
    {
        protected override ValueTask<Dictionary<object, ErlangTuple>> InitAsync()
        {
            Self.SendAfter(Interval, Self.Self, new Atom("gossip"));
            return ValueTask.FromResult(new Dictionary<object, ErlangTuple>());
        }

        protected override ValueTask<ServerResult<Dictionary<object, ErlangTuple>>> HandleCallAsync(object request, From from, Dictionary<object, ErlangTuple> map)
        {
            if (request is (Atom { Name: "put" }, Binary key, Binary value))
            {
                var highest = map.Values.Select(t => Convert.ToInt64(t[0])).DefaultIfEmpty(0).Max();
                var ticks = Math.Max(Self.Node.Time.GetUtcNow().UtcTicks, highest + 1);
                map[key] = new ErlangTuple(ticks, new Atom(Self.Node.Name), value);
                return ValueTask.FromResult(Reply(new Atom("ok"), map));
            }
            return ValueTask.FromResult(Reply(new ErlangMap(map.Select(kv => KeyValuePair.Create<object?, object?>(kv.Key, kv.Value))), map));
        }

        protected override ValueTask<ServerResult<Dictionary<object, ErlangTuple>>> HandleInfoAsync(object message, Dictionary<object, ErlangTuple> map)
        {
            if (message is Atom { Name: "gossip" })
            {
                var state = new ErlangMap(map.Select(kv => KeyValuePair.Create<object?, object?>(kv.Key, kv.Value)));
                foreach (var peer in peers) Self.Send(name, peer, new ErlangTuple(new Atom("merge"), state));
                Self.SendAfter(Interval, Self.Self, new Atom("gossip"));
            }
            else if (message is (Atom { Name: "merge" }, ErlangMap theirs))
            {
                foreach (var (key, value) in theirs)
                    if (value is ErlangTuple stamped && (!map.TryGetValue(key, out var mine) || Later(stamped, mine))) map[key] = stamped;
            }
            return ValueTask.FromResult(NoReply(map));
        }

        private static bool Later(ErlangTuple a, ErlangTuple b)
        {
            var (ta, tb) = (Convert.ToInt64(a[0]), Convert.ToInt64(b[0]));
            return ta != tb ? ta > tb : string.CompareOrdinal(((Atom)a[1]!).Name, ((Atom)b[1]!).Name) > 0;
        }
    }
}
