using static Otp.Crdts.Replication.ReplicaProtocol;

namespace Otp.Crdts.Replication;

/// <summary>
/// Replicas of one CRDT, each a process on a node, kept in step by anti-entropy rounds in the
/// chosen <see cref="SyncMode"/>. Updates are local (no coordination); <see cref="SyncRoundAsync"/>
/// runs one round and lets the messages settle; <see cref="Partition"/> cuts the group into parts
/// that drop each other's messages, <see cref="Heal"/> joins them again. Meant for a deterministic
/// node (<see cref="Node.StartDeterministic"/>), where a round replays identically.
/// </summary>
/// <typeparam name="T">The CRDT replicated.</typeparam>
public sealed class ReplicaGroup<T> where T : ICrdt<T>
{
    private readonly Node _node;
    private readonly Dictionary<ReplicaId, Pid> _pids;

    private ReplicaGroup(Node node, Dictionary<ReplicaId, Pid> pids, SyncMode mode)
    {
        _node = node;
        _pids = pids;
        Mode = mode;
    }

    /// <summary>The anti-entropy mode.</summary>
    public SyncMode Mode { get; }

    /// <summary>The replicas, in order.</summary>
    public IReadOnlyList<ReplicaId> Replicas => [.. _pids.Keys.Order()];

    /// <summary>Spawns one process per replica on <paramref name="node"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than one replica, or a replica named twice.</exception>
    public static ReplicaGroup<T> Start(Node node, SyncMode mode, params ReplicaId[] replicas)
    {
        if (replicas.Length == 0) throw new ArgumentException("A group needs at least one replica.", nameof(replicas));
        if (replicas.Distinct().Count() != replicas.Length) throw new ArgumentException("Each replica id must be unique: two replicas with one id would make the same dots.", nameof(replicas));
        var pids = replicas.ToDictionary(r => r, r => node.Spawn(new ReplicaProcess<T>(r, mode).Run));
        foreach (var pid in pids.Values) node.Send(pid, new Peers(pids));
        return new ReplicaGroup<T>(node, pids, mode);
    }

    /// <summary>Applies an update at <paramref name="replica"/>: <paramref name="deltaMutator"/> gets the replica's
    /// state and returns the delta to join (for example <c>s =&gt; s.AddDelta("a", "x")</c>).</summary>
    /// <exception cref="KeyNotFoundException">No such replica.</exception>
    public void Update(ReplicaId replica, Func<T, T> deltaMutator) => _node.Send(_pids[replica], new Update<T>(deltaMutator));

    /// <summary>Cuts the group: a replica's messages reach only the replicas of its own part.</summary>
    /// <exception cref="ArgumentException">A replica is in no part or in two.</exception>
    public void Partition(params ReplicaId[][] parts)
    {
        var all = parts.SelectMany(p => p).ToList();
        if (all.Count != _pids.Count || all.Distinct().Count() != all.Count || !all.All(_pids.ContainsKey))
            throw new ArgumentException("Every replica must be in exactly one part.", nameof(parts));
        foreach (var part in parts)
            foreach (var r in part) _node.Send(_pids[r], new Reach(part.ToHashSet()));
    }

    /// <summary>Ends any partition.</summary>
    public void Heal()
    {
        foreach (var pid in _pids.Values) _node.Send(pid, new Reach(_pids.Keys.ToHashSet()));
    }

    /// <summary>One anti-entropy round: every replica gossips once; waits until all messages are handled.</summary>
    public async Task SyncRoundAsync()
    {
        await _node.SettleAsync().ConfigureAwait(false);
        // Sent by one process in one step, so no replica starts gossiping before every tick is
        // queued: sends from outside would race the scheduler thread and change the counts.
        await _node.RunAsync(self =>
        {
            foreach (var r in Replicas) self.Send(_pids[r], new Tick());
            return Task.CompletedTask;
        }).ConfigureAwait(false);
        await _node.SettleAsync().ConfigureAwait(false);
    }

    /// <summary>The state of <paramref name="replica"/> now.</summary>
    public async Task<T> StateAsync(ReplicaId replica) => (T)await AskAsync(_pids[replica], (p, tag) => new Get(p, tag)).ConfigureAwait(false);

    /// <summary>The states of every replica, in order.</summary>
    public async Task<IReadOnlyList<T>> StatesAsync()
    {
        var list = new List<T>();
        foreach (var r in Replicas) list.Add(await StateAsync(r).ConfigureAwait(false));
        return list;
    }

    /// <summary>The messages and bytes every replica has sent so far, summed.</summary>
    public async Task<SyncStats> StatsAsync()
    {
        var total = SyncStats.None;
        foreach (var pid in _pids.Values) total += (SyncStats)await AskAsync(pid, (p, tag) => new GetStats(p, tag)).ConfigureAwait(false);
        return total;
    }

    private async Task<object> AskAsync(Pid pid, Func<Pid, Ref, object> request)
    {
        await _node.SettleAsync().ConfigureAwait(false);
        return await _node.RunAsync(async self =>
        {
            var tag = self.MakeRef();
            self.Send(pid, request(self.Self, tag));
            return ((Reply)await self.Receive<Reply>(r => r.Tag == tag).ConfigureAwait(true)).Value;
        }).ConfigureAwait(false);
    }
}
