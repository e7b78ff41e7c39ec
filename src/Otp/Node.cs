using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Otp.Scheduling;
using Otp.Tracing;

namespace Otp;

/// <summary>
/// One running instance of the runtime, Erlang's node: it owns the processes, the registered
/// names, the scheduler and the clock. Code outside any process (a test, a notebook cell, a
/// Main method) uses it to spawn processes, send to them and wait for them.
/// </summary>
/// <remarks>
/// A crash in a process never escapes to the node: it ends that process (and whatever is linked
/// to it), nothing else.
/// </remarks>
public sealed partial class Node : IDisposable, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Process> _names = new();
    private long _nextNumber;
    private long _nextRef;
    private long _live;
    private long _lastPort;

    /// <param name="options">How the node runs.</param>
    /// <param name="scheduler">A scheduler shared with other nodes (a simulated network's); null
    /// for a scheduler of the node's own.</param>
    /// <param name="trace">A trace shared with other nodes, and the time it started; null for a
    /// trace of the node's own (when <see cref="NodeOptions.Trace"/> asks for one).</param>
    private Node(NodeOptions options, Scheduler? scheduler = null, (TraceLog Log, DateTimeOffset Start)? trace = null)
    {
        Options = options;
        Name = options.Name;
        if (scheduler is not null) Scheduler = scheduler;
        else if (options.Deterministic)
        {
            var clock = new VirtualTimeProvider();
            Scheduler = new DeterministicScheduler(options.Seed, clock);
        }
        else Scheduler = new ThreadPoolScheduler(options.Time ?? TimeProvider.System);
        if (trace is { } shared) Tracer = new Tracer(this, shared.Log, shared.Start);
        else if (options.Trace) Tracer = new Tracer(this);
    }

    /// <summary>Starts a node that runs processes in parallel, in real time.</summary>
    public static Node Start(NodeOptions? options = null) => new(options ?? new NodeOptions());

    /// <summary>Starts a deterministic node: one scheduler thread, a virtual clock that jumps to
    /// the next timer whenever every process waits, and (by default) a trace.</summary>
    /// <param name="seed">Null for first-come-first-served; a number to explore another
    /// reproducible interleaving.</param>
    /// <param name="trace">Record a <see cref="TraceLog"/>.</param>
    public static Node StartDeterministic(int? seed = null, bool trace = true) =>
        new(new NodeOptions { Deterministic = true, Seed = seed, Trace = trace });

    /// <summary>The options the node was started with.</summary>
    public NodeOptions Options { get; }

    /// <summary>The node's name, for example <c>nonode@nohost</c>.</summary>
    public string Name { get; }

    /// <summary>The clock used by every timer and timeout on this node.</summary>
    public TimeProvider Time => Scheduler.Time;

    /// <summary>The trace, if the node records one.</summary>
    public TraceLog? Trace => Tracer?.Log;

    /// <summary>The node's code server: loaded modules, their versions, purges.</summary>
    public CodeLoading.CodeServer Code => LazyInitializer.EnsureInitialized(ref _code, () => new CodeLoading.CodeServer(this));

    private CodeLoading.CodeServer? _code;

    /// <summary>The node's tables (Erlang's ETS): names, owners, heirs.</summary>
    internal Tables.TableRegistry Tables => LazyInitializer.EnsureInitialized(ref _tables, () => new Tables.TableRegistry(this));

    private Tables.TableRegistry? _tables;

    /// <summary>How many processes are alive.</summary>
    public long ProcessCount => Interlocked.Read(ref _live);

    /// <summary>Numbers this node's sockets, as Erlang numbers a node's ports (<c>#Port&lt;0.N&gt;</c>).</summary>
    internal long NextPortNumber() => Interlocked.Increment(ref _lastPort);

    internal Scheduler Scheduler { get; }

    /// <summary>References are numbered per node, so that a deterministic run repeats them.</summary>
    internal long NextRefNumber() => Interlocked.Increment(ref _nextRef);

    internal Tracer? Tracer { get; }

    // ---- Processes -----------------------------------------------------------------------------

    /// <summary>Starts a process running <paramref name="body"/> and returns its pid.</summary>
    public Pid Spawn(Func<Process, Task> body) => SpawnFrom(Pid.Outside, body, link: false).Self;

    internal Process SpawnFrom(Pid parent, Func<Process, Task> body, bool link, Process? linkTo = null, bool start = true)
    {
        ArgumentNullException.ThrowIfNull(body);
        var p = new Process(this, Interlocked.Increment(ref _nextNumber), body);
        p.InitGroupLeader(parent.Process?.GroupLeader);
        // A named node must find its processes by number when their pids come back over the wire.
        _processes?.TryAdd(p.Self.Number, p);
        if (link && linkTo is not null)
        {
            p.AddLinkUnchecked(linkTo.Self);
            linkTo.LinkNewChild(p.Self);
            // The parent was killed meanwhile (from another thread) and its exit signals may have
            // missed the new link: the child must not outlive it unnoticed.
            if (linkTo.ExitReasonOrNull is { } died) p.OnExitSignal(linkTo.Self, died, viaLink: true);
        }
        Interlocked.Increment(ref _live);
        Tracer?.Spawned(parent, p.Self, link);
        if (start) p.Start();
        return p;
    }

    /// <summary>Sends <paramref name="message"/> to <paramref name="to"/> from outside any process.</summary>
    public void Send(Pid to, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Route(Pid.Outside, to, message);
    }

    /// <summary>Sends to a registered name from outside any process.</summary>
    /// <exception cref="BadArgException">No process has that name.</exception>
    public void Send(string name, object message) =>
        Send(WhereIs(name) ?? throw new BadArgException($"send to '{name}': no process is registered under that name"), message);

    /// <summary>Sends an exit signal from outside any process (as <see cref="Process.Exit(Pid, ExitReason)"/>).</summary>
    public void Exit(Pid pid, ExitReason reason)
    {
        ArgumentNullException.ThrowIfNull(pid);
        pid = Address(pid);
        Tracer?.ExitSent(Pid.Outside, pid, reason);
        if (!pid.IsLocal) Remote?.Exit2(Pid.Outside, pid, reason);
        else pid.Process?.OnExitSignal(Pid.Outside, reason, viaLink: false);
    }

    /// <summary>True while the process behind <paramref name="pid"/> is alive (Erlang's <c>is_process_alive/1</c>).</summary>
    public bool IsAlive(Pid pid) => pid.Process is { HasExited: false };

    /// <summary>The exit reason of an ended process, or null while it is alive.</summary>
    public ExitReason? ExitReasonOf(Pid pid) => pid.Process?.ExitReasonOrNull ?? (pid.Process is null ? ExitReason.NoProc : null);

    /// <summary>The pids a process is linked to, in order (Erlang's <c>process_info(Pid, links)</c>).</summary>
    public IReadOnlyList<Pid> LinksOf(Pid pid) => pid.Process?.LinksSnapshot() ?? [];

    /// <summary>The messages waiting in a process's mailbox, oldest first.</summary>
    public IReadOnlyList<object> MessagesOf(Pid pid) => pid.Process?.PeekMessages() ?? [];

    internal void Route(Pid from, Pid to, object message)
    {
        to = Address(to);
        Tracer?.Sent(from, to, message);
        if (to.IsLocal) to.Process?.Deliver(message);
        // A pid of another node: out on that node's connection (made if needed). Without
        // distribution no node can be reached, and Erlang drops such a message.
        else Remote?.Send(from, to, message);
    }

    internal void OnExited(Process p, ExitReason reason)
    {
        Interlocked.Decrement(ref _live);
        _processes?.TryRemove(new KeyValuePair<long, Process>(p.Self.Number, p));
        if (p.RegisteredAs is { } name) _names.TryRemove(new KeyValuePair<string, Process>(name, p));
        _tables?.OwnerExited(p);
        ForgetAliases(p);
        Tracer?.Exited(p.Self, reason);
    }

    // ---- Names -----------------------------------------------------------------------------------

    /// <summary>Erlang's <c>register/2</c>.</summary>
    /// <exception cref="BadArgException">The name is taken or is <c>undefined</c>, or the process
    /// is dead or already has a name.</exception>
    public void Register(string name, Pid pid)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name == "undefined") throw new BadArgException("register 'undefined': the name undefined is reserved (whereis returns it for a free name)");
        if (pid.Process is not { } p) throw new BadArgException($"register '{name}': {pid} is not a local process");
        lock (p)
        {
            if (p.HasExited) throw new BadArgException($"register '{name}': {pid} is not alive");
            if (p.RegisteredAs is { } old) throw new BadArgException($"register '{name}': {pid} is already registered as '{old}'");
            if (!_names.TryAdd(name, p)) throw new BadArgException($"register '{name}': the name is already taken");
            p.RegisteredAs = name;
        }
        if (p.HasExited) _names.TryRemove(new KeyValuePair<string, Process>(name, p));
        Tracer?.Registered(pid, name);
    }

    /// <summary>Erlang's <c>unregister/1</c>.</summary>
    /// <exception cref="BadArgException">The name is not registered.</exception>
    public void Unregister(string name)
    {
        if (!_names.TryRemove(name, out var p)) throw new BadArgException($"unregister '{name}': the name is not registered");
        lock (p) p.RegisteredAs = null;
    }

    /// <summary>Erlang's <c>whereis/1</c>: the pid registered as <paramref name="name"/>, or null
    /// (Erlang's <c>undefined</c>).</summary>
    public Pid? WhereIs(string name) => _names.TryGetValue(name, out var p) && !p.HasExited ? p.Self : null;

    /// <summary>Every registered name, sorted.</summary>
    public IReadOnlyList<string> Registered() => [.. _names.Keys.Order(StringComparer.Ordinal)];

    // ---- Timers ----------------------------------------------------------------------------------

    internal TimerRef SendAfter(Pid from, TimeSpan delay, Pid to, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var t = new TimerRef(Time, delay);
        var timer = Time.CreateTimer(_ =>
        {
            if (!t.TryFire()) return;
            Tracer?.TimerFired(to, message);
            to.Process?.Deliver(message);
        }, null, delay, System.Threading.Timeout.InfiniteTimeSpan);
        t.Arm(timer);
        return t;
    }

    // ---- Waiting from outside ----------------------------------------------------------------------

    /// <summary>
    /// Waits until the process ends and returns its exit reason. On a deterministic node the
    /// virtual clock moves as needed, up to <paramref name="timeout"/> of virtual time.
    /// </summary>
    /// <exception cref="TimeoutException">The process was still alive after <paramref name="timeout"/>,
    /// or (deterministic node) every process waits and no timer is pending, so it never will end:
    /// the message then starts with <c>Deadlock:</c>.</exception>
    public async Task<ExitReason> WaitForExitAsync(Pid pid, TimeSpan? timeout = null)
    {
        if (pid.Process is not { } p) return ExitReason.NoProc;
        var exited = p.ExitedTask;
        await Scheduler.RunUntilAsync(exited, timeout ?? DefaultWait).ConfigureAwait(false);
        if (!exited.IsCompleted) throw new TimeoutException(DidNotEnd(p, timeout ?? DefaultWait));
        return await exited.ConfigureAwait(false);
    }

    private string DidNotEnd(Process p, TimeSpan? waited)
    {
        if (!Options.Deterministic) return $"{p.Self} did not end within {waited}.";
        var waiting = $"{p.Self} has {p.MessageQueueLength} message(s) in its mailbox that it did not take";
        // A step that threw past the process's own code left some process unable to go on: that,
        // not the program, is the cause, and the report must say so.
        if (Scheduler.FirstFault is { } fault)
            return $"{p.Self} did not end: the deterministic scheduler caught an exception outside any process's code " +
                   $"({fault.GetType().Name}: {fault.Message}), a fault of the runtime. {waiting}.{Environment.NewLine}{fault}";
        // Nothing was ready to run when the scheduler gave up; with no timer pending, nothing
        // ever will be.
        return Scheduler.Time is VirtualTimeProvider { NextDue: null }
            ? $"Deadlock: {p.Self} did not end and never will. Every process is waiting for a message and no timer is pending " +
              $"({ProcessCount} process(es) alive). {waiting}. A message that is never sent, or two processes waiting for each other?"
            : $"{p.Self} did not end within {waited} of virtual time; timers are still pending. {waiting}.";
    }

    private TimeSpan? DefaultWait => Options.Deterministic ? TimeSpan.FromHours(1) : null;

    /// <summary>
    /// Runs <paramref name="body"/> as a process and waits for it to end, returning what it
    /// returns. An exception that ends the process is rethrown here; any other abnormal exit
    /// throws an <see cref="ExitException"/>.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Process, Task<T>> body, TimeSpan? timeout = null)
    {
        T result = default!;
        var pid = Spawn(async self => result = await body(self).ConfigureAwait(true));
        var reason = await WaitForExitAsync(pid, timeout).ConfigureAwait(false);
        ThrowIfAbnormal(reason);
        return result;
    }

    /// <summary>Runs <paramref name="body"/> as a process and waits for it to end.</summary>
    public async Task RunAsync(Func<Process, Task> body, TimeSpan? timeout = null)
    {
        var reason = await WaitForExitAsync(Spawn(body), timeout).ConfigureAwait(false);
        ThrowIfAbnormal(reason);
    }

    private static void ThrowIfAbnormal(ExitReason reason)
    {
        if (reason.IsNormal) return;
        if (reason.Exception is { } ex) ExceptionDispatchInfo.Throw(ex);
        throw new ExitException(reason);
    }

    /// <summary>Lets <paramref name="duration"/> pass: instantly in virtual time on a
    /// deterministic node (running everything that becomes due), really on a real-time node.</summary>
    public Task RunForAsync(TimeSpan duration) => Scheduler.RunUntilAsync(new TaskCompletionSource().Task, duration);

    /// <summary>
    /// Waits until every process is waiting for a message and no timer is due now. On a
    /// deterministic node the clock does not move. On a real-time node this polls briefly.
    /// </summary>
    public Task SettleAsync() => Options.Deterministic
        ? Scheduler.RunUntilAsync(new TaskCompletionSource().Task, TimeSpan.Zero)
        : Task.Delay(50);

    /// <summary>Stops the node: no process of it runs another step (a process busy in a step
    /// finishes that step), timers fire into nothing, and a deterministic node's scheduler thread
    /// ends. Processes are not sent exit signals; the node is simply gone. A distributed node also
    /// closes its connections, its listener and its EPMD registration.</summary>
    public void Dispose()
    {
        // Bounded: closing sockets does not wait on peers.
        if (Remote is { } d) d.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        Scheduler.Dispose();
    }

    /// <summary>As <see cref="Dispose"/>, without blocking.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Remote is { } d) await d.DisposeAsync().ConfigureAwait(false);
        Scheduler.Dispose();
    }
}
