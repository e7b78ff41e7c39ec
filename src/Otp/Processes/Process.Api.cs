namespace Otp;

public sealed partial class Process
{
    /// <summary>
    /// Erlang's <c>Pid ! Message</c>: puts <paramref name="message"/> at the end of
    /// <paramref name="to"/>'s mailbox and returns at once. Messages from one sender to one
    /// receiver arrive in the order they were sent. Sending to a process that has ended does
    /// nothing. The message is shared, not copied: send immutable values only. A pid carries its
    /// node: one that another distributed node handed out is sent to over the network.
    /// </summary>
    /// <exception cref="BadArgException">The message has no Erlang form and <paramref name="to"/>
    /// is on another node, or <paramref name="to"/> is a process of a node this one cannot reach
    /// (one distributed, the other not).</exception>
    public void Send(Pid to, object message)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(message);
        ThrowIfExited();
        _reductions++;
        Node.Route(Self, to, message);
    }

    /// <summary>Sends to the process registered as <paramref name="name"/>.</summary>
    /// <exception cref="BadArgException">No process is registered under that name (Erlang's
    /// <c>badarg</c>).</exception>
    public void Send(string name, object message)
    {
        ThrowIfExited();
        var to = Node.WhereIs(name) ?? throw new BadArgException($"send to '{name}': no process is registered under that name");
        Send(to, message);
    }

    /// <summary>Erlang's <c>spawn/1</c>: starts a new process running <paramref name="body"/> and
    /// returns its pid at once. The new process runs concurrently with this one.</summary>
    public Pid Spawn(Func<Process, Task> body)
    {
        ThrowIfExited();
        return Node.SpawnFrom(Self, body, link: false).Self;
    }

    /// <summary>Erlang's <c>spawn_link/1</c>: spawns and links in one step, so the link exists
    /// before the new process runs any code.</summary>
    public Pid SpawnLink(Func<Process, Task> body)
    {
        ThrowIfExited();
        var child = Node.SpawnFrom(Self, body, link: true, linkTo: this);
        return child.Self;
    }

    /// <summary>Erlang's <c>spawn_monitor/1</c>: spawns and monitors in one step.</summary>
    public (Pid Pid, Ref Monitor) SpawnMonitor(Func<Process, Task> body)
    {
        ThrowIfExited();
        var child = Node.SpawnFrom(Self, body, link: false, start: false);
        var r = Monitor(child.Self);
        child.Start();
        return (child.Self, r);
    }

    /// <summary>Erlang's <c>make_ref/0</c>: a new unique reference, which also marks how far this
    /// process's mailbox has got (see <see cref="ReceiveReply"/>).</summary>
    public Ref MakeRef()
    {
        // No lock: a message posted while the mark is read is older than the reference, so it
        // cannot carry it, whichever side of the mark it falls.
        return new Ref(Node.NextRefNumber(), _mailbox.NextSeq);
    }

    /// <summary>Erlang's <c>is_process_alive/1</c>: true while <paramref name="pid"/> has not
    /// exited. The answer can be stale by the time it is used; a monitor tells reliably when a
    /// process ends.</summary>
    public bool IsAlive(Pid pid) => Node.IsAlive(pid);

    /// <summary>Erlang's <c>register/2</c> for this process.</summary>
    /// <exception cref="BadArgException">The name is taken, or this process already has a name.</exception>
    public void Register(string name)
    {
        ThrowIfExited();
        Node.Register(name, Self);
    }

    /// <summary>Erlang's <c>erlang:send_after/3</c>: sends <paramref name="message"/> to
    /// <paramref name="to"/> after <paramref name="delay"/>, unless cancelled first.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    public TimerRef SendAfter(TimeSpan delay, Pid to, object message)
    {
        ThrowIfExited();
        return Node.SendAfter(Self, delay, to, message);
    }

    /// <summary>Erlang's <c>erlang:cancel_timer/1</c>: stops a timer. Returns the time that was
    /// left, or null (Erlang's <c>false</c>) if the timer had already fired or been cancelled.</summary>
    public TimeSpan? CancelTimer(TimerRef timer) => timer.Cancel();

    internal void LinkNewChild(Pid child)
    {
        lock (_gate) (_links ??= []).Add(child);
    }

    internal void AddLinkUnchecked(Pid other)
    {
        lock (_gate) (_links ??= []).Add(other);
    }
}
