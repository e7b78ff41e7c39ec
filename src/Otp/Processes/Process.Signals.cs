namespace Otp;

public sealed partial class Process
{
    private HashSet<Pid>? _links;
    private Dictionary<Ref, (Pid Watcher, object Item)>? _watchers;
    private Dictionary<Ref, Process>? _watching;
    // Monitors this process holds on processes of other nodes: what was monitored (a pid, or a
    // name) and on which node, so that demonitor and this process's death can tell that node.
    private Dictionary<Ref, (object Target, string Node, object Item)>? _watchingRemote;
    private TaskCompletionSource<ExitReason>? _exited;
    // Set once Terminate has finished its work (name freed, trace written, signals sent): only
    // then does waiting for the process's end return, so what the waiter does next cannot be
    // seen before the end of the process it waited for.
    private bool _terminated;
    internal string? RegisteredAs;

    // The signals a dying process sends (exit signals to its links, then DOWNs to its monitors)
    // go through a per-thread queue and are delivered one hop at a time, so a chain of a million
    // linked processes cannot overflow the stack, and each receiver gets them in the order they
    // were sent, as Erlang orders the signals of one sender.
    [ThreadStatic] private static Queue<DeathSignal>? t_pendingSignals;

    /// <summary>An exit signal through a link (no <see cref="Monitor"/>) or a DOWN.</summary>
    private readonly record struct DeathSignal(Process Target, Pid From, ExitReason Reason, Ref? Monitor, object? Item)
    {
        public void Deliver()
        {
            if (Monitor is null) Target.OnExitSignal(From, Reason, viaLink: true);
            else Target.OnDown(Monitor, Item!, From, Reason);
        }
    }

    /// <summary>
    /// Erlang's <c>link/1</c>: a two-way link between this process and <paramref name="pid"/>.
    /// When either ends with a reason other than <c>normal</c>, the other receives an exit signal.
    /// Linking twice, or to oneself, does nothing.
    /// </summary>
    /// <exception cref="NoProcException">The process does not exist and this process does not trap
    /// exits. (When trapping exits, an <see cref="ExitSignal"/> with reason <c>noproc</c> arrives instead.)</exception>
    public void Link(Pid pid)
    {
        ThrowIfExited();
        pid = Node.Address(pid);
        if (pid == Self) return;
        if (!pid.IsLocal)
        {
            LinkRemote(pid);
            return;
        }
        // Our side first: if the other process dies the moment it is linked, its exit signal
        // must find the link here.
        bool isNew;
        lock (_gate) isNew = (_links ??= []).Add(pid);
        if (pid.Process is not { } other || !other.AddLink(Self))
        {
            if (isNew) lock (_gate) _links?.Remove(pid);
            if (TrapExit)
            {
                Deliver(new ExitSignal(pid, ExitReason.NoProc));
                return;
            }
            throw new NoProcException($"link to {pid}: no such process");
        }
        Node.Tracer?.Linked(Self, pid);
        // Killed meanwhile by another thread: our end may have missed the new link.
        if (ExitReasonOrNull is { } died) other.OnExitSignal(Self, died, viaLink: true);
    }

    /// <summary>Erlang's <c>unlink/1</c>: removes the link with <paramref name="pid"/>, if any.
    /// No exit signal from that link arrives afterwards.</summary>
    public void Unlink(Pid pid)
    {
        ThrowIfExited();
        pid = Node.Address(pid);
        bool had;
        lock (_gate) had = _links?.Remove(pid) ?? false;
        if (!pid.IsLocal)
        {
            if (had) Node.Remote?.Unlink(Self, pid);
            Node.Tracer?.Unlinked(Self, pid);
            return;
        }
        if (pid.Process is { } other)
            lock (other._gate) other._links?.Remove(Self);
        Node.Tracer?.Unlinked(Self, pid);
    }

    /// <summary>
    /// Erlang's <c>monitor(process, Pid)</c>: watch <paramref name="pid"/> without being affected by
    /// its death. When it ends, a <see cref="Down"/> message carrying the returned reference and
    /// the exit reason arrives; if it does not exist, the <see cref="Down"/> (reason
    /// <c>noproc</c>) arrives at once. Each call makes a separate monitor.
    /// </summary>
    public Ref Monitor(Pid pid)
    {
        pid = Node.Address(pid);
        return pid.IsLocal ? MonitorCore(pid, pid) : MonitorRemote(pid, pid.RemoteNode!.Value.Name, pid);
    }

    /// <summary>Monitors the process registered as <paramref name="name"/>; the
    /// <see cref="Down"/> message names it as a <see cref="RegisteredName"/>.</summary>
    public Ref Monitor(string name) =>
        MonitorCore(Node.WhereIs(name), new RegisteredName(name, Node.Name));

    private Ref MonitorCore(Pid? pid, object item)
    {
        ThrowIfExited();
        var r = MakeRef();
        if (pid?.Process is { } target)
        {
            // Our side first: a DOWN is only delivered while the monitor is in _watching.
            lock (_gate) (_watching ??= [])[r] = target;
            if (target.AddWatcher(r, Self, item))
            {
                Node.Tracer?.Monitored(Self, pid);
                return r;
            }
            lock (_gate) _watching?.Remove(r);
        }
        Deliver(new Down(r, item, ExitReason.NoProc));
        return r;
    }

    /// <summary>
    /// Erlang's <c>demonitor/2</c>: turns the monitor off. With <paramref name="flush"/>, also
    /// removes a <see cref="Down"/> for it that may already be in the mailbox, so none is ever
    /// received. Returns true if the monitor was still active.
    /// </summary>
    public bool Demonitor(Ref monitor, bool flush = false)
    {
        ThrowIfExited();
        Process? target = null;
        (object Target, string Node, object Item) remote = default;
        bool wasRemote;
        lock (_gate)
        {
            _watching?.Remove(monitor, out target);
            wasRemote = _watchingRemote?.Remove(monitor, out remote) ?? false;
        }
        if (wasRemote) Node.Remote?.Demonitor(Self, monitor, remote.Target!, remote.Node!);
        var removed = wasRemote;
        if (target is not null)
            lock (target._gate) removed = target._watchers?.Remove(monitor) ?? false;
        if (flush)
        {
            lock (_gate) _mailbox.Drain();
            _mailbox.RemoveAll(m => m is Down d && d.Ref.Equals(monitor));
        }
        return removed;
    }

    /// <summary>
    /// Erlang's <c>exit/2</c>: sends an exit signal with <paramref name="reason"/> to
    /// <paramref name="pid"/>. <c>kill</c> ends it whatever it does (it ends with <c>killed</c>);
    /// a process that traps exits receives any other reason as an <see cref="ExitSignal"/>;
    /// otherwise <c>normal</c> is ignored (unless the target is the caller itself) and any other
    /// reason ends the target with that reason.
    /// </summary>
    public void Exit(Pid pid, ExitReason reason)
    {
        ThrowIfExited();
        pid = Node.Address(pid);
        Node.Tracer?.ExitSent(Self, pid, reason);
        if (!pid.IsLocal) Node.Remote?.Exit2(Self, pid, reason);
        else pid.Process?.OnExitSignal(Self, reason, viaLink: false);
        ThrowIfExited();
    }

    /// <summary>Erlang's <c>exit/1</c>: ends this process with <paramref name="reason"/> by throwing
    /// an <see cref="ExitException"/>, which (like Erlang's <c>catch</c>) may be caught.</summary>
    public void Exit(ExitReason reason) => throw new ExitException(reason);

    // ---- Signal handling (any thread) ---------------------------------------------------------

    /// <summary>Puts a message in the mailbox and wakes the process if it waits for one.</summary>
    internal void Deliver(object message)
    {
        var schedule = false;
        lock (_gate)
        {
            if (_exitReason is not null) return;
            _mailbox.Post(message);
            if (_waiting && !_scheduled) schedule = _scheduled = true;
        }
        if (schedule) Node.Scheduler.Schedule(this);
    }

    /// <summary>The DOWN of monitor <paramref name="r"/>. Dropped if the monitor was removed
    /// meanwhile, so that after <see cref="Demonitor"/> no DOWN for it can arrive.</summary>
    private void OnDown(Ref r, object item, Pid from, ExitReason reason)
    {
        lock (_gate)
        {
            if (_watching is null || !_watching.Remove(r)) return;
        }
        Node.Tracer?.DownSent(from, Self, reason);
        Deliver(new Down(r, item, reason));
    }

    private bool AddLink(Pid other)
    {
        lock (_gate)
        {
            if (_exitReason is not null) return false;
            (_links ??= []).Add(other);
            return true;
        }
    }

    private bool AddWatcher(Ref r, Pid watcher, object item)
    {
        lock (_gate)
        {
            if (_exitReason is not null) return false;
            (_watchers ??= [])[r] = (watcher, item);
            return true;
        }
    }

    internal void OnExitSignal(Pid from, ExitReason reason, bool viaLink)
    {
        ExitReason? dieWith = null;
        var schedule = false;
        lock (_gate)
        {
            if (_exitReason is not null) return;
            if (viaLink)
            {
                // A link signal only counts while the link exists.
                if (_links is null || !_links.Remove(from)) return;
            }
            if (!viaLink && reason.IsKill) dieWith = ExitReason.Killed;
            else if (_trapExit)
            {
                _mailbox.Post(new ExitSignal(from, reason));
                if (_waiting && !_scheduled) schedule = _scheduled = true;
            }
            else if (reason.IsNormal)
            {
                if (!viaLink && from == Self) dieWith = reason;
            }
            else dieWith = reason;
        }
        if (schedule) Node.Scheduler.Schedule(this);
        if (dieWith is not null) Terminate(dieWith);
    }

    /// <summary>
    /// Ends the process: from now on it is dead to everyone (its name is free, messages to it are
    /// dropped), its links get exit signals and its monitors get <see cref="Down"/> messages.
    /// Its C# code, if it is still running, unwinds at its next runtime call.
    /// </summary>
    internal void Terminate(ExitReason reason)
    {
        HashSet<Pid>? links;
        Dictionary<Ref, (Pid Watcher, object Item)>? watchers;
        Dictionary<Ref, Process>? watching;
        Dictionary<Ref, (object Target, string Node, object Item)>? watchingRemote;
        var schedule = false;
        lock (_gate)
        {
            if (_exitReason is not null) return;
            Volatile.Write(ref _exitReason, reason);
            links = _links;
            watchers = _watchers;
            watching = _watching;
            watchingRemote = _watchingRemote;
            _links = null;
            _watchers = null;
            _watching = null;
            _watchingRemote = null;
            if (_waiting && !_scheduled) schedule = _scheduled = true;
        }
        Node.OnExited(this, reason);
        if (schedule) Node.Scheduler.Schedule(this);

        if (watching is not null)
            foreach (var (r, target) in watching)
                lock (target._gate) target._watchers?.Remove(r);
        if (watchingRemote is not null && Node.Remote is { } dist)
            foreach (var (r, (target, node, _)) in watchingRemote) dist.Demonitor(Self, r, target, node);

        var pending = t_pendingSignals ??= new();
        var drain = pending.Count == 0;
        // Links before monitors: a process that both links to and monitors this one gets the
        // 'EXIT' before the 'DOWN', as on the BEAM.
        if (links is not null)
            foreach (var pid in links)
                if (pid.Process is { } p) pending.Enqueue(new DeathSignal(p, Self, reason, null, null));
                else if (!pid.IsLocal) Node.Remote?.ExitThroughLink(Self, pid, reason);
        if (watchers is not null)
            foreach (var (r, (watcher, item)) in watchers)
                if (watcher.Process is { } w) pending.Enqueue(new DeathSignal(w, Self, reason, r, item));
                else if (!watcher.IsLocal) Node.Remote?.MonitorExit(item, watcher, r, reason);
        if (drain)
        {
            // Only the outermost Terminate on this thread drains, so the depth stays constant.
            while (pending.TryPeek(out var signal))
            {
                try { signal.Deliver(); }
                finally { pending.Dequeue(); }
            }
        }
        TaskCompletionSource<ExitReason>? exited;
        lock (_gate)
        {
            _terminated = true;
            exited = _exited;
        }
        exited?.TrySetResult(reason);
    }

    /// <summary>Completes when the process has ended, with its exit reason.</summary>
    internal Task<ExitReason> ExitedTask
    {
        get
        {
            lock (_gate)
            {
                if (_terminated) return Task.FromResult(_exitReason!);
                return (_exited ??= new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
        }
    }

    /// <summary>A snapshot of the process's links, for inspection.</summary>
    internal IReadOnlyList<Pid> LinksSnapshot()
    {
        lock (_gate) return _links is null ? [] : [.. _links.Order()];
    }

    /// <summary>How many monitors this process holds on others (for tests).</summary>
    internal int WatchingCount
    {
        get { lock (_gate) return _watching?.Count ?? 0; }
    }

    internal int WatcherCount
    {
        get { lock (_gate) return _watchers?.Count ?? 0; }
    }
}
