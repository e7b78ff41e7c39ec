using Otp;
using Otp.Behaviours;

namespace Lab07.ReplicatedKv;

/// <summary>Task 4: replication that converges. Each replica holds a last-writer-wins map whose
/// stamps are a Lamport clock and the writing node's name, and sends its whole state to every
/// other replica every <see cref="SyncInterval"/> (anti-entropy), so a write held back by a
/// partition arrives after the heal.</summary>
/// <remarks>The conflict rule: of two values of one key, the one with the greater stamp wins,
/// comparing the clock first and then the node name (ordinal). A replica's clock is above every
/// stamp it has seen, so a write that has seen another wins over it; two concurrent writes are
/// ordered by the stamp alone. The merge keeps the greater stamp per key: it is commutative,
/// associative and idempotent, so it cannot depend on the order in which states arrive.</remarks>
public sealed class ConvergingReplica : IReplicaServer
{
    /// <summary>How often each replica sends its state to the others.</summary>
    public static readonly TimeSpan SyncInterval = TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    public string Name => "kv_replica";

    /// <summary>Task 4: starts this node's replica, registered as <see cref="Name"/>.</summary>
    public async Task<Pid> StartAsync(Process self, IReadOnlyList<string> nodes) =>
        await GenServer.StartAsync(self, new Server(Name, [.. nodes.Where(n => n != self.Node.Name)]), Name);

    /// <summary>Task 4: writes at the replica of <paramref name="node"/>, stamped there.</summary>
    public async Task SetAsync(Process self, string node, string key, string value) =>
        await GenServer.CallAsync(self, Name, node, new ErlangTuple(new Atom("set"), key, value));

    /// <summary>Task 4: the values the replica of <paramref name="node"/> holds, without their stamps.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadAllAsync(Process self, string node)
    {
        var all = (ErlangList)await GenServer.CallAsync(self, Name, node, new Atom("read_all"));
        return new SortedDictionary<string, string>(
            all.Cast<ErlangTuple>().ToDictionary(t => Wire.Text(t[0]), t => Wire.Text(t[1])), StringComparer.Ordinal);
    }

    private sealed record Stamped(long Clock, string Node, string Value)
    {
        public bool Beats(Stamped other) =>
            Clock != other.Clock ? Clock > other.Clock : string.CompareOrdinal(Node, other.Node) > 0;
    }

    private sealed class State
    {
        public long Clock;
        public SortedDictionary<string, Stamped> Entries { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Server(string name, string[] peers) : GenServer<State>
    {
        private static readonly Atom Sync = new("sync");

        protected override ValueTask<State> InitAsync()
        {
            Self.SendAfter(SyncInterval, Self.Self, Sync);
            return ValueTask.FromResult(new State());
        }

        protected override ValueTask<ServerResult<State>> HandleCallAsync(object request, From from, State state)
        {
            switch (request)
            {
                case (Atom { Name: "set" }, object key, object value):
                    state.Clock++;
                    state.Entries[Wire.Text(key)] = new Stamped(state.Clock, Self.Node.Name, Wire.Text(value));
                    return ValueTask.FromResult(Reply(new Atom("ok"), state));
                case Atom { Name: "read_all" }:
                    return ValueTask.FromResult(Reply(new ErlangList([.. state.Entries.Select(kv => (object?)new ErlangTuple(kv.Key, kv.Value.Value))]), state));
                default:
                    return ValueTask.FromResult(Reply(new Atom("badrequest"), state));
            }
        }

        // The state as a term: {state, [{Key, Clock, Node, Value}, ...]}, which crosses nodes as it is.
        protected override ValueTask<ServerResult<State>> HandleInfoAsync(object message, State state)
        {
            if (message is Atom { Name: "sync" })
            {
                var entries = new ErlangList([.. state.Entries.Select(kv => (object?)new ErlangTuple(kv.Key, kv.Value.Clock, kv.Value.Node, kv.Value.Value))]);
                foreach (var peer in peers) GenServer.Cast(Self, name, peer, new ErlangTuple(new Atom("state"), entries));
                Self.SendAfter(SyncInterval, Self.Self, Sync);
            }
            return ValueTask.FromResult(NoReply(state));
        }

        protected override ValueTask<ServerResult<State>> HandleCastAsync(object request, State state)
        {
            if (request is (Atom { Name: "state" }, ErlangList entries))
                foreach (var term in entries)
                {
                    if (term is not (object key, object clock, object node, object value)) continue;
                    var theirs = new Stamped(Convert.ToInt64(clock), Wire.Text(node), Wire.Text(value));
                    var k = Wire.Text(key);
                    if (!state.Entries.TryGetValue(k, out var mine) || theirs.Beats(mine)) state.Entries[k] = theirs;
                    state.Clock = Math.Max(state.Clock, theirs.Clock);
                }
            return ValueTask.FromResult(NoReply(state));
        }
    }
}
