using System.Threading.Tasks.Sources;
using Otp.Processes;

namespace Otp;

/// <summary>
/// A running process, as seen from its own body: the handle through which it receives, sends,
/// spawns, links and monitors. Erlang's <c>self()</c> is <see cref="Self"/>.
/// </summary>
/// <remarks>
/// <para>A process is a body (an async C# function) plus a mailbox. Returning from the body ends
/// the process with reason <c>normal</c>; an exception that escapes it ends it with
/// <see cref="ExitReason.Error"/>; <see cref="Exit(ExitReason)"/> ends it with any reason. A
/// process never shares memory with another: send immutable values (records) only.</para>
/// <para>Only the process's own body may call the instance methods, from its own logical thread
/// of execution (its awaits). Other processes interact with it only through its <see cref="Pid"/>.</para>
/// </remarks>
public sealed partial class Process : IThreadPoolWorkItem, IValueTaskSource<object?>
{
    // Everything another thread may touch (inbox, links, monitors, status, wake-up flags) is
    // guarded by _gate. The queue part of the mailbox and the receive cursor belong to the
    // process's own step and need no lock. A plain object with Monitor rather than a
    // System.Threading.Lock: these sections are tiny and almost never contended, and Monitor's
    // thin lock in the object header is cheaper there and 16 bytes smaller per process
    // (docs/benchmarks.md has the figures).
    private readonly object _gate = new();
    private Mailbox _mailbox;
    private Func<Process, Task>? _body;
    private ExecutionContext? _spawnContext;
    private ExitReason? _exitReason;
    private bool _trapExit;
    private bool _scheduled;
    private bool _started;

    // The pending receive, if any.
    private ManualResetValueTaskSourceCore<object?> _receive;
    private bool _waiting;
    private Func<object, bool>? _match;
    private Envelope? _scanned;
    private long _fromSeq;
    private ITimer? _timer;
    private bool _timedOut;
    private TimeoutToken? _timeoutToken;
    private int _reductions;

    internal Process(Node node, long number, Func<Process, Task> body)
    {
        Node = node;
        Self = new Pid(0, number, this);
        _body = body;
        // The body runs in its spawner's execution context, as with Task.Run: async-local state
        // such as a notebook cell's output capture follows the process, even when the node's
        // scheduler thread was created elsewhere (in an earlier cell).
        _spawnContext = ExecutionContext.Capture();
    }

    /// <summary>This process's pid: Erlang's <c>self()</c>.</summary>
    public Pid Self { get; }

    /// <summary>The node (runtime) this process runs on.</summary>
    public Node Node { get; }

    /// <summary>
    /// Erlang's <c>process_flag(trap_exit, ...)</c>. When true, exit signals from linked processes
    /// (and from <see cref="Exit(Pid, ExitReason)"/>) arrive as <see cref="ExitSignal"/> messages
    /// instead of ending this process, except <c>kill</c>, which cannot be trapped.
    /// </summary>
    public bool TrapExit
    {
        get { lock (_gate) return _trapExit; }
        set
        {
            ThrowIfExited();
            lock (_gate) _trapExit = value;
        }
    }

    /// <summary>How many messages wait in the mailbox (Erlang's <c>message_queue_len</c>).</summary>
    public int MessageQueueLength
    {
        get { lock (_gate) return _mailbox.QueueCount + _mailbox.InboxCount; }
    }

    /// <summary>True once the process has ended (it may still be unwinding its C# code).</summary>
    internal bool HasExited => Volatile.Read(ref _exitReason) is not null;

    internal ExitReason? ExitReasonOrNull => Volatile.Read(ref _exitReason);

    /// <summary>The messages waiting in the mailbox, oldest first, without taking them
    /// (Erlang's <c>process_info(Pid, messages)</c>).</summary>
    public IReadOnlyList<object> PeekMessages()
    {
        lock (_gate) return _mailbox.Snapshot();
    }

    /// <inheritdoc/>
    public override string ToString() => Self.ToString();

    // ---- Running ----------------------------------------------------------------------------

    internal void Start() => Node.Scheduler.Schedule(this);

    void IThreadPoolWorkItem.Execute() => Node.Scheduler.Run(this);

    /// <summary>One step of the process: start the body, or resume a pending receive.</summary>
    internal void Step()
    {
        if (!_started)
        {
            _started = true;
            RunBody();
            return;
        }
        Resume();
    }

    private void RunBody()
    {
        var body = _body!;
        var context = _spawnContext;
        _body = null;
        _spawnContext = null;
        lock (_gate) _scheduled = false;
        if (HasExited) return;
        Task task;
        try
        {
            task = context is null || ReferenceEquals(context, ExecutionContext.Capture())
                ? body(this)
                : StartIn(context, body);
        }
        catch (Exception ex)
        {
            Finish(ex);
            return;
        }
        if (task is null)
        {
            Finish(new InvalidOperationException("The process body returned null instead of a Task."));
            return;
        }
        if (task.IsCompleted) Finish(task.Exception?.InnerException ?? (task.IsCanceled ? new TaskCanceledException(task) : null));
        else task.ContinueWith(static (t, s) => ((Process)s!).Finish(t.Exception?.InnerException ?? (t.IsCanceled ? new TaskCanceledException(t) : null)),
            this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private Task StartIn(ExecutionContext context, Func<Process, Task> body)
    {
        Task? task = null;
        ExecutionContext.Run(context, _ => task = body(this), null);
        return task!;
    }

    private void Finish(Exception? error)
    {
        var reason = error switch
        {
            null => ExitReason.Normal,
            ExitException e => e.Reason,
            _ => ExitReason.Error(error),
        };
        // An error (not an exit) is reported, as erts reports it, before the exit signals go out.
        if (error is not null && (error is not ExitException || _endsWithError) && ExitReasonOrNull is null)
            Node.ReportError(this, reason);
        Terminate(reason);
    }

    // Set by a module function that failed with an Erlang error (undef, function_clause), which
    // ends the process through Exit with the BEAM's reason but is an error all the same.
    private bool _endsWithError;

    /// <summary>Marks the exit that follows as an error (class <c>error</c>), which the node
    /// reports to the group leader's node (see <see cref="Node.ReportError"/>).</summary>
    internal void EndsWithError() => _endsWithError = true;

    private void ThrowIfExited()
    {
        if (Volatile.Read(ref _exitReason) is { } reason) throw new ExitException(reason);
    }
}
