using static Otp.Behaviours.StateMachine;

namespace Otp.Behaviours;

/// <summary>The process that runs one state machine: the event loop of gen_statem.</summary>
/// <param name="self">The machine's process.</param>
/// <param name="machine">The callbacks.</param>
/// <param name="starter">The process waiting in the start call for init's outcome.</param>
/// <param name="parent">The process that started the machine with a link, or null when it was
/// started without one (gen_statem's parent is then the machine itself).</param>
/// <param name="tag">The alias the start call's answer goes to.</param>
/// <param name="name">The name to register before init, or null.</param>
internal sealed class StateMachineLoop<TState, TData>(Process self, StateMachine<TState, TData> machine, Pid starter, Pid? parent, Ref tag, string? name) where TState : notnull
{
    /// <summary>Events to handle before the mailbox is read again: postponed events brought back
    /// by a change of state, then zero timeouts. A timeout carries its token, so that one
    /// cancelled while it waits here (by a change of state, or a newer timeout) is skipped.</summary>
    private readonly Queue<(StateMachineEvent Event, long Token)> _queued = new();
    private readonly List<StateMachineEvent> _postponed = [];
    private TState _state = default!;
    private TData _data = default!;
    private long _tokens;
    private (long Token, TimerRef? Timer)? _stateTimeout;
    private (long Token, TimerRef? Timer)? _eventTimeout;

    public async Task RunAsync()
    {
        if (name is not null && !TryRegister(name)) return;
        StateMachineResult<TState, TData> init;
        try
        {
            machine.Bind(self);
            init = machine.Init();
            if (!init.HasState) throw new InvalidOperationException("Init must choose the first state (use Next).");
        }
        catch (Exception ex)
        {
            // As gen_statem: the starter learns why init failed, and the machine ends with that
            // reason. Terminate is not called: there is no state to clean up.
            if (name is not null && self.Node.WhereIs(name) == self.Self) self.Node.Unregister(name);
            Ack(ReasonOf(ex));
            throw;
        }
        _state = init.State!;
        _data = init.Data;
        Apply(init, null);
        Ack(null);
        while (true)
        {
            var ev = NextQueued() ?? await NextFromMailboxAsync();
            if (ev is null) continue;
            // Any event, whatever its kind, cancels the event timeout.
            CancelEventTimeout();
            StateMachineResult<TState, TData> result;
            try
            {
                result = machine.HandleEvent(ev, _state, _data);
            }
            catch (Exception ex) when (!self.HasExited)
            {
                Terminate(ReasonOf(ex));
                throw;
            }
            Apply(result, ev);
            if (result.StopReason is { } reason)
            {
                // gen_statem's reply_then_terminate: the replies have gone out, now clean up.
                Terminate(reason);
                self.Exit(reason);
            }
        }
    }

    /// <summary>Takes the name before init runs, as <c>{local, Name}</c> does, so two starts
    /// cannot both succeed. On a clash the starter gets <c>{already_started, Pid}</c> and this
    /// process ends quietly.</summary>
    private bool TryRegister(string name)
    {
        var holder = self.Node.WhereIs(name);
        try
        {
            self.Register(name);
            return true;
        }
        catch (BadArgException)
        {
            Ack(new ExitReason((new Atom("already_started"), (object?)holder ?? new Atom("undefined"))));
            return false;
        }
    }

    private StateMachineEvent? NextQueued()
    {
        while (_queued.TryDequeue(out var item))
        {
            if (item.Token == 0) return item.Event;
            // A zero timeout still counts only if nothing cancelled or replaced it meanwhile.
            if (item.Token == _stateTimeout?.Token) { _stateTimeout = null; return item.Event; }
            if (item.Token == _eventTimeout?.Token) { _eventTimeout = null; return item.Event; }
        }
        return null;
    }

    /// <summary>The next event from the mailbox, or null for a message that is not an event
    /// (a get_state request, a cancelled timeout).</summary>
    private async Task<StateMachineEvent?> NextFromMailboxAsync()
    {
        switch (await self.Receive())
        {
            case GenCall { Request: GetState } r:
                GenServer.Reply(self, r.From, (_state, _data!));
                return null;
            case GenCall r:
                return new StateMachineEvent(StateMachineEventType.Call, r.Request) { From = r.From };
            case GenCast c:
                return new StateMachineEvent(StateMachineEventType.Cast, c.Request);
            case GenStop stop:
                // gen_statem:stop/3: not an event; the machine cleans up and ends with the reason.
                Terminate(stop.Reason);
                self.Exit(stop.Reason);
                return null;
            case ExitSignal exit when parent is not null && exit.From == parent:
                // Only reachable when trapping exits: the parent (a supervisor) is going, whatever
                // the reason, even normal; the machine cleans up and goes with the same reason.
                Terminate(exit.Reason);
                self.Exit(exit.Reason);
                return null;
            case TimeoutMessage t when t.Token == _stateTimeout?.Token:
                _stateTimeout = null;
                return new StateMachineEvent(t.Type, t.Content);
            case TimeoutMessage t when t.Token == _eventTimeout?.Token:
                _eventTimeout = null;
                return new StateMachineEvent(t.Type, t.Content);
            case TimeoutMessage:
                return null; // cancelled, but already on its way
            case var other:
                return new StateMachineEvent(StateMachineEventType.Info, other);
        }
    }

    private void Apply(StateMachineResult<TState, TData> result, StateMachineEvent? ev)
    {
        _data = result.Data;
        // Postponing comes first, so that an event postponed by a transition that also changes
        // state is retried at once in the new state, as in gen_statem.
        if (ev is not null && result.Actions.Contains(StateMachineAction.Postpone)) _postponed.Add(ev);
        if (result.HasState && !EqualityComparer<TState>.Default.Equals(result.State, _state))
        {
            _state = result.State!;
            // A change of state cancels the state timeout and brings postponed events back first.
            CancelStateTimeout();
            var again = _postponed.Select(e => (e, 0L)).Concat(_queued).ToList();
            _postponed.Clear();
            _queued.Clear();
            foreach (var e in again) _queued.Enqueue(e);
        }
        foreach (var action in result.Actions)
        {
            switch (action)
            {
                case StateMachineAction.ReplyAction r:
                    GenServer.Reply(self, r.To, r.Value);
                    break;
                case StateMachineAction.StateTimeoutAction t:
                    CancelStateTimeout();
                    _stateTimeout = Arm(t.Time, StateMachineEventType.StateTimeout, t.Content);
                    break;
                case StateMachineAction.EventTimeoutAction t:
                    CancelEventTimeout();
                    // An event already queued would cancel it before it could fire, so gen_statem
                    // does not start it at all.
                    if (_queued.Count == 0) _eventTimeout = Arm(t.Time, StateMachineEventType.EventTimeout, t.Content);
                    break;
                case StateMachineAction.PostponeAction when ev is null:
                    throw new InvalidOperationException("Init has no event to postpone.");
            }
        }
    }

    /// <summary>Starts a timeout. A zero one arms no timer: as in gen_statem, its event is queued,
    /// to be handled before any message that waits in the mailbox.</summary>
    private (long, TimerRef?) Arm(TimeSpan time, StateMachineEventType type, object content)
    {
        var token = ++_tokens;
        if (time == TimeSpan.Zero)
        {
            _queued.Enqueue((new StateMachineEvent(type, content), token));
            return (token, null);
        }
        return (token, self.SendAfter(time, self.Self, new TimeoutMessage(token, type, content)));
    }

    private void CancelStateTimeout()
    {
        _stateTimeout?.Timer?.Cancel();
        _stateTimeout = null;
    }

    private void CancelEventTimeout()
    {
        _eventTimeout?.Timer?.Cancel();
        _eventTimeout = null;
    }

    /// <summary>Runs the machine's terminate callback. An exception there escapes and so
    /// replaces the reason, as a crash in gen_statem's terminate/3 does.</summary>
    private void Terminate(ExitReason reason) => machine.Terminate(reason, _state, _data);

    private static ExitReason ReasonOf(Exception ex) => ex is ExitException e ? e.Reason : ExitReason.Error(ex);

    private void Ack(ExitReason? error)
    {
        if (starter.Process is not { } p) return;
        var ack = new InitAck(tag, self.Self, error);
        self.Node.Tracer?.Sent(self.Self, starter, ack);
        p.DeliverToAlias(tag, ack);
    }
}
