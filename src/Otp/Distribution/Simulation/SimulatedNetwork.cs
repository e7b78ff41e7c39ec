using Otp.Distribution.Terms;
using Otp.Scheduling;
using Otp.Tracing;

namespace Otp.Distribution.Simulation;

/// <summary>
/// Several named nodes (<c>a@sim</c>, <c>b@sim</c>, ...) in one deterministic scheduler with one
/// virtual clock, connected by an in-memory network: the processes of every node interleave in
/// an order fixed by the seed, messages between nodes take virtual time, and the network can be
/// split into groups that cannot reach each other, healed, and made to lose or duplicate
/// messages, all reproducibly. The same seed gives the same trace every run.
/// </summary>
/// <remarks>
/// <para>Each node is an ordinary <see cref="Node"/> with the API of a real distributed node:
/// send to a remote pid and to <c>(name, node)</c>, link, monitor, <c>MonitorNode</c>,
/// <c>Nodes()</c>, <c>PingAsync</c>, <c>Disconnect</c>. Messages and signals travel as they do
/// over TCP (the same control messages in the External Term Format), so a message that has no
/// Erlang form fails here as it would there, and a pid arrives as the other node's pid.</para>
/// <para>As in Erlang, messages between two nodes arrive in the order they were sent while their
/// connection stays up; a partition breaks the connection (links and monitors across it fire
/// <c>noconnection</c>, node monitors get <c>nodedown</c>, messages in flight are lost); after
/// <see cref="Heal"/> the next send, link, monitor or ping connects again (<c>nodeup</c>).</para>
/// </remarks>
/// <example>
/// <code>
/// using var net = SimulatedNetwork.Start(seed: 1);
/// var a = net.AddNode("a");            // a@sim
/// var b = net.AddNode("b");            // b@sim
/// b.Register("pong", b.Spawn(...));
/// await a.RunAsync(async self => { self.Send("pong", "b@sim", ...); await self.Receive(); });
/// Console.WriteLine(net.Trace!.ToText());
/// </code>
/// </example>
public sealed class SimulatedNetwork : IDisposable, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly DeterministicScheduler _scheduler;
    private readonly VirtualTimeProvider _clock;
    private readonly Random _random;
    private readonly int? _seed;
    private readonly DateTimeOffset _start;
    private readonly Dictionary<string, SimulatedNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, uint> _creations = new(StringComparer.Ordinal);
    // The group of each node while partitioned; null when every node reaches every other.
    private Dictionary<string, int>? _groups;
    private long _sent, _delivered, _lost, _duplicated, _unreachable;

    private SimulatedNetwork(int? seed, SimulatedNetworkOptions options)
    {
        Options = options;
        _seed = seed;
        _clock = new VirtualTimeProvider();
        // Steps run only while someone awaits the network (RunAsync, RunForAsync...), so that a
        // test adding nodes and spawning processes between awaits never races with them.
        _scheduler = new DeterministicScheduler(seed, _clock, onlyWhileAwaited: true);
        // Loss, duplication and jitter draw from their own seeded stream, apart from the
        // scheduler's, so that turning them on does not change which interleavings a seed picks.
        _random = new Random(unchecked((seed ?? 0) * 31 + 7));
        _start = _clock.GetUtcNow();
        if (options.Trace) Trace = new TraceLog { PerNode = true };
    }

    /// <summary>Starts an empty network; add nodes with <see cref="AddNode(string)"/>.</summary>
    /// <param name="seed">Null runs ready steps first come, first served; a number picks another
    /// reproducible interleaving (and the draws of loss, duplication and jitter).</param>
    /// <param name="options">Latency, loss, duplication...; the defaults are 1 ms and none.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative time or a rate outside 0..1.</exception>
    public static SimulatedNetwork Start(int? seed = null, SimulatedNetworkOptions? options = null)
    {
        options ??= new SimulatedNetworkOptions();
        options.Validate();
        return new SimulatedNetwork(seed, options);
    }

    /// <summary>The options the network was started with.</summary>
    public SimulatedNetworkOptions Options { get; }

    /// <summary>The one clock of every node.</summary>
    public TimeProvider Time => _clock;

    /// <summary>The trace of every node and of the network itself, or null when
    /// <see cref="SimulatedNetworkOptions.Trace"/> is off. Its lifelines show which node each
    /// process is on: <c>&lt;0.5.0&gt;@a</c>, or <c>pong@b</c> for a registered process.</summary>
    public TraceLog? Trace { get; }

    /// <summary>What happened to the messages so far.</summary>
    public NetworkStatistics Statistics
    {
        get { lock (_gate) return new(_sent, _delivered, _lost, _duplicated, _unreachable); }
    }

    /// <summary>The running nodes, by name.</summary>
    public IReadOnlyList<Node> Nodes
    {
        get { lock (_gate) return [.. _nodes.Values.Where(n => !n.Stopped).OrderBy(n => n.Name, StringComparer.Ordinal).Select(n => n.Node)]; }
    }

    /// <summary>The running node named <paramref name="name"/> (<c>a</c> or <c>a@sim</c>).</summary>
    /// <exception cref="KeyNotFoundException">No such node is running.</exception>
    public Node this[string name]
    {
        get
        {
            lock (_gate)
                return _nodes.TryGetValue(FullName(name), out var n) && !n.Stopped ? n.Node
                    : throw new KeyNotFoundException($"no node {FullName(name)} is running on this network");
        }
    }

    /// <summary>
    /// Starts a node on the network: <c>a</c> becomes <c>a@sim</c> (a name with an <c>@</c> is
    /// kept). It is deterministic, shares the network's scheduler, clock and trace, and reaches
    /// the other nodes on first use, as Erlang connects on first use. A name used by a node that
    /// has stopped starts a new incarnation of it (its creation goes up, so the old pids never
    /// equal the new ones).
    /// </summary>
    /// <exception cref="ArgumentException">A malformed name, or a node of that name is running.</exception>
    public Node AddNode(string name) => AddNode(name, null);

    /// <summary>As <see cref="AddNode(string)"/>, with the node's standard output: where its
    /// processes print without a group leader, and where its <c>user</c> io server writes what
    /// processes it spawned on other nodes print (<see cref="NodeOptions.StandardOutput"/>).</summary>
    /// <param name="name">The node's name (<c>a</c> becomes <c>a@sim</c>).</param>
    /// <param name="standardOutput">Null for <see cref="Console.Out"/>.</param>
    /// <exception cref="ArgumentException">A malformed name, or a node of that name is running.</exception>
    public Node AddNode(string name, TextWriter? standardOutput)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var full = FullName(name);
        NodeName.Parse(full);
        lock (_gate)
        {
            if (_nodes.TryGetValue(full, out var running) && !running.Stopped)
                throw new ArgumentException($"a node named {full} is already running on this network", nameof(name));
            var creation = _creations[full] = _creations.GetValueOrDefault(full) + 1;
            var scheduler = new SimulatedNodeScheduler(_scheduler);
            var options = new NodeOptions { Name = full, Deterministic = true, Seed = _seed, Trace = Trace is not null, Hidden = false,
                StandardOutput = standardOutput, DistributionLog = Options.Log };
            SimulatedNode sim = null!;
            var node = Node.StartSimulated(options, scheduler, Trace is null ? null : (Trace, _start),
                n => sim = new SimulatedNode(this, n, creation, scheduler, Options.Records));
            _nodes[full] = sim;
            if (creation > 1) Note($"node {full} starts again");
            return node;
        }
    }

    private string FullName(string name) => name.Contains('@') ? name : $"{name}@{Options.Host}";

    /// <summary>
    /// Splits the network: nodes in different groups cannot reach each other, and every
    /// connection between them breaks now (each side sees <c>noconnection</c> and
    /// <c>nodedown</c>, and what was in flight is lost), or, with
    /// <see cref="SimulatedNetworkOptions.NetTickTime"/>, stops carrying anything and breaks
    /// when that time is up unless healed first. Nodes named in no group form one more group
    /// together. A partition replaces any earlier one.
    /// </summary>
    /// <example><c>net.Partition(["a"], ["b", "c"])</c></example>
    /// <exception cref="ArgumentException">An unknown node, or a node in two groups.</exception>
    public void Partition(params string[][] groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        lock (_gate)
        {
            for (var g = 0; g < groups.Length; g++)
                foreach (var n in groups[g])
                {
                    var full = FullName(n);
                    if (!_nodes.ContainsKey(full)) throw new ArgumentException($"partition: no node {full} on this network", nameof(groups));
                    if (!map.TryAdd(full, g)) throw new ArgumentException($"partition: {full} is in two groups", nameof(groups));
                }
            _groups = map;
            var shown = groups.Select(g => "{" + string.Join(", ", g.Select(FullName)) + "}").ToList();
            var rest = _nodes.Keys.Where(n => !map.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
            if (rest.Count > 0) shown.Add("{" + string.Join(", ", rest) + "}");
            Note("partition " + string.Join(" | ", shown));
        }
        var separated = AllConnections().Where(c => !CanReach(c.Owner.Name, c.Peer.Name)).ToList();
        if (Options.NetTickTime is not { } tick)
        {
            foreach (var c in separated) Break(c, "partition");
            return;
        }
        var resolved = new List<TaskCompletionSource>();
        lock (_gate)
        {
            // A connection cut off by an earlier partition whose nodes this one puts together
            // carries on, as after a heal.
            foreach (var c in CutConnections().Where(c => CanReachUnlocked(c.Owner, c.Peer))) Resume(c, resolved);
            foreach (var c in separated.Where(c => c.Up && c.Cut is null))
            {
                // Nothing flows, and neither side knows yet: it notices when net_ticktime is up.
                c.Cut = c.PeerEnd.Cut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var cut = c.Cut;
                _clock.CreateTimer(_ =>
                {
                    if (CutOff(c) == cut.Task) Break(c, "net_ticktime");
                }, null, tick, System.Threading.Timeout.InfiniteTimeSpan);
            }
        }
        foreach (var r in resolved) r.TrySetResult();
    }

    /// <summary>Every connection cut off by a partition it has not noticed, one end each
    /// (caller holds the lock).</summary>
    private List<SimulatedConnection> CutConnections() =>
        [.. _nodes.Values.OrderBy(n => n.Name, StringComparer.Ordinal).SelectMany(n => n.Connections.Values)
            .Where(c => c.Cut is not null && string.CompareOrdinal(c.Owner.Name, c.Peer.Name) < 0)];

    /// <summary>A cut-off connection carries frames again: what waited arrives after the latency,
    /// in order (caller holds the lock).</summary>
    private void Resume(SimulatedConnection c, List<TaskCompletionSource> resolved)
    {
        resolved.Add(c.Cut!);
        var now = _clock.GetUtcNow();
        foreach (var end in new[] { c, c.PeerEnd })
        {
            end.Cut = null;
            if (end.LastDue < now + Options.Latency) end.LastDue = now + Options.Latency;
            for (var i = end.PendingArrivals; i < end.InFlight.Count; i++) Arm(end, end.LastDue - now);
        }
    }

    /// <summary>Ends the partition: every node can reach every other again. Broken connections
    /// stay broken until something uses them (a send, link, monitor or ping), as in Erlang; a
    /// connection that had not yet noticed the partition (<see cref="SimulatedNetworkOptions.NetTickTime"/>)
    /// carries on, and what waited on it arrives now, in order.</summary>
    public void Heal()
    {
        var resolved = new List<TaskCompletionSource>();
        lock (_gate)
        {
            _groups = null;
            Note("heal");
            // Connections that had not noticed the partition carry on: what waited arrives now.
            foreach (var c in CutConnections()) Resume(c, resolved);
        }
        foreach (var r in resolved) r.TrySetResult();
    }

    /// <summary>True if <paramref name="from"/> could connect to <paramref name="to"/> now: both
    /// run and no partition separates them.</summary>
    public bool CanReach(string from, string to)
    {
        lock (_gate)
            return _nodes.TryGetValue(FullName(from), out var a) && _nodes.TryGetValue(FullName(to), out var b) && CanReachUnlocked(a, b);
    }

    private bool CanReachUnlocked(SimulatedNode a, SimulatedNode b) =>
        !a.Stopped && !b.Stopped && a != b && (_groups is null || _groups.GetValueOrDefault(a.Name, -1) == _groups.GetValueOrDefault(b.Name, -1));

    /// <summary>
    /// Runs <paramref name="action"/> (a partition, a heal, stopping a node...) when
    /// <paramref name="delay"/> of virtual time has passed, on the network's scheduler thread,
    /// so that it happens at the same point of the run whatever is awaited meanwhile. A wait
    /// that is in progress (a <c>PingAsync</c>, a <c>RunAsync</c>) moves the clock on by itself,
    /// so an event staged from the test between awaits can come too late for it.
    /// </summary>
    /// <example><c>net.After(TimeSpan.FromSeconds(3), net.Heal);</c></example>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    public void After(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _clock.CreateTimer(static s => ((Action)s!)(), action, delay, System.Threading.Timeout.InfiniteTimeSpan);
    }

    /// <summary>Lets <paramref name="duration"/> of virtual time pass, running everything that
    /// becomes due on every node.</summary>
    public Task RunForAsync(TimeSpan duration) => _scheduler.RunUntilAsync(new TaskCompletionSource().Task, duration);

    /// <summary>Waits until every process of every node waits and nothing is due now (the clock
    /// does not move; messages in flight stay in flight).</summary>
    public Task SettleAsync() => _scheduler.RunUntilAsync(new TaskCompletionSource().Task, TimeSpan.Zero);

    // ---- Connections ---------------------------------------------------------------------------

    /// <summary>The connection from <paramref name="self"/> to <paramref name="peer"/>, made if
    /// the peer can be reached (Erlang's auto-connect, instant here), with every node either
    /// side is connected to (Erlang's <c>connect_all</c>); null if it cannot.</summary>
    internal SimulatedConnection? GetOrConnect(SimulatedNode self, string peer)
    {
        var made = new List<SimulatedConnection>();
        SimulatedConnection? result;
        lock (_gate)
        {
            if (self.Connections.TryGetValue(peer, out result)) return result;
            if (!_nodes.TryGetValue(peer, out var other) || !CanReachUnlocked(self, other)) return null;
            result = Connect(self, other, made);
            // Connect all: the two sides now know each other's peers, and meet them.
            foreach (var x in self.Connections.Values.Select(c => c.Peer).Append(self).ToList())
                foreach (var y in other.Connections.Values.Select(c => c.Peer).Append(other).ToList())
                    if (x != y && !x.Connections.ContainsKey(y.Name) && CanReachUnlocked(x, y)) Connect(x, y, made);
        }
        foreach (var c in made)
        {
            c.Owner.OnConnectionUp(c.Peer.Name);
            c.Peer.OnConnectionUp(c.Owner.Name);
        }
        return result;
    }

    private SimulatedConnection Connect(SimulatedNode a, SimulatedNode b, List<SimulatedConnection> made)
    {
        var ab = new SimulatedConnection(a, b);
        var ba = new SimulatedConnection(b, a) { PeerEnd = ab };
        ab.PeerEnd = ba;
        a.Connections[b.Name] = ab;
        b.Connections[a.Name] = ba;
        Note($"{a.Name} connects to {b.Name}");
        made.Add(ab);
        return ab;
    }

    /// <summary>The connection from <paramref name="self"/> to <paramref name="peer"/> if it is up.</summary>
    internal SimulatedConnection? Existing(SimulatedNode self, string peer)
    {
        lock (_gate) return self.Connections.GetValueOrDefault(peer);
    }

    internal bool IsUp(SimulatedConnection c)
    {
        lock (_gate) return c.Up;
    }

    /// <summary>While a partition cuts <paramref name="c"/> off unnoticed: a task that completes
    /// when it heals or breaks; otherwise null.</summary>
    internal Task? CutOff(SimulatedConnection c)
    {
        lock (_gate) return c.Cut?.Task;
    }

    internal IReadOnlyList<string> ConnectedPeers(SimulatedNode self)
    {
        lock (_gate) return [.. self.Connections.Keys];
    }

    /// <summary>Runs <paramref name="record"/> (bookkeeping of links and monitors) under the
    /// network's lock if the connection is still up; false if it is not.</summary>
    internal bool Record(SimulatedConnection c, Action record)
    {
        lock (_gate)
        {
            if (!c.Up) return false;
            record();
            return true;
        }
    }

    internal bool Disconnect(SimulatedNode self, string peer)
    {
        if (Existing(self, peer) is not { } c) return false;
        Break(c, "disconnect");
        return true;
    }

    private List<SimulatedConnection> AllConnections()
    {
        lock (_gate)
            return [.. _nodes.Values.OrderBy(n => n.Name, StringComparer.Ordinal)
                .SelectMany(n => n.Connections.Values).Where(c => string.CompareOrdinal(c.Owner.Name, c.Peer.Name) < 0)];
    }

    /// <summary>Breaks a connection: both ends forget it, what was in flight is lost, and each
    /// running side signals <c>noconnection</c> and <c>nodedown</c>.</summary>
    private void Break(SimulatedConnection c, string why)
    {
        var ends = new[] { c, c.PeerEnd }.OrderBy(e => e.Owner.Name, StringComparer.Ordinal).ToArray();
        var snapshots = new List<(SimulatedConnection End, (Pid, Pid)[] Links, KeyValuePair<Ref, (Process, object)>[] Watching, KeyValuePair<Ref, Process>[] Watched)>();
        lock (_gate)
        {
            if (!c.Up) return;
            c.Cut?.TrySetResult();
            c.Cut = c.PeerEnd.Cut = null;
            Note($"{ends[0].Owner.Name} and {ends[1].Owner.Name} lose their connection ({why})");
            foreach (var end in ends)
            {
                end.Up = false;
                end.Owner.Connections.Remove(end.Peer.Name);
                while (end.InFlight.TryDequeue(out var t))
                    if (t.IsMessage)
                    {
                        _lost++;
                        Trace?.Add(TraceKind.Lost, Now, t.From, t.To, t.Message);
                    }
                snapshots.Add((end, [.. end.Links], [.. end.WatchingRemote], [.. end.WatchedByRemote]));
                end.Links.Clear();
                end.WatchingRemote.Clear();
                end.WatchedByRemote.Clear();
            }
        }
        // A stopped node's processes are gone: only the running side hears of it.
        foreach (var (end, links, watching, watched) in snapshots)
            if (!end.Owner.Stopped) end.Owner.OnConnectionDown(end, links, watching, watched);
    }

    /// <summary>Stops a node, as if its machine went away: none of its processes runs another
    /// step, and every connection to it breaks.</summary>
    internal void Stop(SimulatedNode node)
    {
        lock (_gate)
        {
            if (node.Stopped) return;
            node.Stopped = true;
            Note($"node {node.Name} stops");
        }
        node.Scheduler.Dispose();
        foreach (var c in AllConnections().Where(c => c.Owner == node || c.Peer == node)) Break(c, "the node stopped");
    }

    // ---- Carrying frames -----------------------------------------------------------------------

    /// <summary>Encodes a control message (and its message or reason) as the sending node and
    /// puts it on its way, unless the network loses it.</summary>
    /// <exception cref="BadArgException">The message has no Erlang form.</exception>
    internal void Transmit(SimulatedConnection c, ErlangTuple control, object? payload = null, Pid? from = null, Pid? to = null, bool isMessage = false)
    {
        var context = c.Owner.Context;
        byte[] encodedControl, encodedPayload;
        try
        {
            encodedControl = ExternalTermFormat.Encode(control, context);
            encodedPayload = payload is null && !isMessage ? null! : ExternalTermFormat.Encode(payload, context);
        }
        catch (ArgumentException e)
        {
            throw new BadArgException($"cannot send {Otp.Terms.Term.Format(payload)} to another node: {e.Message}");
        }
        lock (_gate)
        {
            if (!c.Up)
            {
                if (isMessage) DropUnreachable(c.Owner, from!, to, payload!);
                return;
            }
            var tracedFrom = from is null ? Pid.Outside : TraceLog.Qualify(from, c.Owner.Node);
            var tracedTo = to ?? RegisteredPeer(c, control);
            // A send to a pid is traced by the node; one to {Name, Node} only here, where the
            // process behind the name is known.
            if (isMessage && to is null) Trace?.Add(TraceKind.Send, Now, tracedFrom, tracedTo, payload);
            var copies = 1;
            if (isMessage)
            {
                _sent++;
                if (Options.LossRate > 0 && _random.NextDouble() < Options.LossRate)
                {
                    _lost++;
                    Trace?.Add(TraceKind.Lost, Now, tracedFrom, tracedTo, payload);
                    return;
                }
                if (Options.DuplicationRate > 0 && _random.NextDouble() < Options.DuplicationRate)
                {
                    _duplicated++;
                    copies = 2;
                    Trace?.Add(TraceKind.Duplicated, Now, tracedFrom, tracedTo, payload);
                }
            }
            var now = _clock.GetUtcNow();
            var jitter = Options.Jitter > TimeSpan.Zero ? TimeSpan.FromTicks(_random.NextInt64(Options.Jitter.Ticks + 1)) : TimeSpan.Zero;
            var due = now + Options.Latency + jitter;
            // One connection is one ordered stream: nothing arrives before what was sent earlier.
            if (due < c.LastDue) due = c.LastDue;
            c.LastDue = due;
            for (var i = 0; i < copies; i++)
            {
                c.InFlight.Enqueue(new Transit(encodedControl, encodedPayload, isMessage, tracedFrom, tracedTo, payload));
                Arm(c, due - now);
            }
        }
    }

    /// <summary>Schedules one arrival on <paramref name="c"/> after <paramref name="delay"/>
    /// (caller holds the lock).</summary>
    private void Arm(SimulatedConnection c, TimeSpan delay)
    {
        c.PendingArrivals++;
        var arrival = new Arrival(this, c);
        if (delay <= TimeSpan.Zero) _scheduler.Schedule(arrival);
        else _clock.CreateTimer(static s => ((Arrival)s!).Execute(), arrival, delay, System.Threading.Timeout.InfiniteTimeSpan);
    }

    /// <summary>For the trace: the process a <c>{Name, Node} ! Msg</c> is addressed to, if it exists.</summary>
    private static Pid? RegisteredPeer(SimulatedConnection c, ErlangTuple control) =>
        control.Length == 4 && control[3] is Atom name && c.Peer.Node.WhereIs(name.Name) is { } pid ? TraceLog.Qualify(pid, c.Peer.Node) : null;

    /// <summary>A message for a node that cannot be reached: dropped, as Erlang drops it.</summary>
    internal void Unreachable(SimulatedNode from, Pid sender, Pid? to, object message)
    {
        lock (_gate) DropUnreachable(from, sender, to, message);
    }

    private void DropUnreachable(SimulatedNode from, Pid sender, Pid? to, object message)
    {
        _unreachable++;
        Trace?.Add(TraceKind.Lost, Now, TraceLog.Qualify(sender, from.Node), to, message);
    }

    /// <summary>The oldest frame in flight on <paramref name="c"/> arrives (each frame sent
    /// schedules one arrival; taking the oldest keeps them in order whatever fires first).</summary>
    private void Arrive(SimulatedConnection c)
    {
        Transit? t;
        lock (_gate)
        {
            c.PendingArrivals--;
            // Cut off: the frame waits for a heal (which schedules its arrival again) or is lost
            // when the connection breaks.
            if (!c.Up || c.Cut is not null || !c.InFlight.TryDequeue(out t)) return;
            if (t.IsMessage) _delivered++;
        }
        c.Peer.Receive(c.PeerEnd, t);
    }

    private sealed class Arrival(SimulatedNetwork network, SimulatedConnection c) : IThreadPoolWorkItem
    {
        public void Execute() => network.Arrive(c);
    }

    private TimeSpan Now => _clock.GetUtcNow() - _start;

    /// <summary>Writes a network event to the trace (caller holds the lock).</summary>
    private void Note(string what) => Trace?.Add(TraceKind.Network, Now, Pid.Outside, null, what);

    /// <summary>Stops every node and the scheduler.</summary>
    public void Dispose()
    {
        List<SimulatedNode> all;
        lock (_gate) all = [.. _nodes.Values];
        foreach (var n in all) n.Node.Dispose();
        _scheduler.Dispose();
    }

    /// <summary>As <see cref="Dispose"/>.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
