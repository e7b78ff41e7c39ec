using static Otp.Behaviours.StateMachine;

namespace Otp.Behaviours;

/// <summary>The process that runs one state machine: the event loop of gen_statem.</summary>
internal sealed class StateMachineLoop<TState, TData>(Process self, StateMachine<TState, TData> machine, Pid starter, Ref tag) where TState : notnull
{
    private readonly Queue<StateMachineEvent> _retry = new();
    private readonly List<StateMachineEvent> _postponed = [];
    private TState _state = default!;
    private TData _data = default!;
    private long _tokens;
    private (long Token, TimerRef Timer)? _stateTimeout;
    private (long Token, TimerRef Timer)? _eventTimeout;

    public async Task RunAsync()
    {
        StateMachineResult<TState, TData> init;
        try
        {
            init = machine.Init();
            if (!init.HasState) throw new InvalidOperationException("Init must choose the first state (use Next).");
        }
        catch (Exception ex)
        {
            // As gen_statem: the starter learns why init failed, and the machine ends with that reason.
            var reason = ex is ExitException e ? e.Reason : ExitReason.Error(ex);
            Ack(reason);
            throw;
        }
        _state = init.State!;
        _data = init.Data;
        Apply(init, null);
        Ack(null);
        while (true)
        {
            var ev = _retry.Count > 0 ? _retry.Dequeue() : await NextEventAsync();
            if (ev is null) continue;
            // Any event, whatever its kind, cancels the event timeout.
            CancelEventTimeout();
            var result = machine.HandleEvent(ev, _state, _data);
            Apply(result, ev);
            if (result.StopReason is { } reason) self.Exit(reason);
        }
    }

    /// <summary>The next event from the mailbox, or null for a message that is not an event
    /// (a get_state request, a cancelled timeout).</summary>
    private async Task<StateMachineEvent?> NextEventAsync()
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
            if (_stateTimeout is { } st) st.Timer.Cancel();
            _stateTimeout = null;
            var again = _postponed.Concat(_retry).ToList();
            _postponed.Clear();
            _retry.Clear();
            foreach (var e in again) _retry.Enqueue(e);
        }
        foreach (var action in result.Actions)
        {
            switch (action)
            {
                case StateMachineAction.ReplyAction r:
                    GenServer.Reply(self, r.To, r.Value);
                    break;
                case StateMachineAction.StateTimeoutAction t:
                    if (_stateTimeout is { } old) old.Timer.Cancel();
                    _stateTimeout = Arm(t.Time, StateMachineEventType.StateTimeout, t.Content);
                    break;
                case StateMachineAction.EventTimeoutAction t:
                    CancelEventTimeout();
                    _eventTimeout = Arm(t.Time, StateMachineEventType.EventTimeout, t.Content);
                    break;
                case StateMachineAction.PostponeAction when ev is null:
                    throw new InvalidOperationException("Init has no event to postpone.");
            }
        }
    }

    private void Ack(ExitReason? error)
    {
        if (starter.Process is not { } p) return;
        var ack = new InitAck(tag, self.Self, error);
        self.Node.Tracer?.Sent(self.Self, starter, ack);
        p.DeliverToAlias(tag, ack);
    }

    private (long, TimerRef) Arm(TimeSpan time, StateMachineEventType type, object content)
    {
        var token = ++_tokens;
        return (token, self.SendAfter(time, self.Self, new TimeoutMessage(token, type, content)));
    }

    private void CancelEventTimeout()
    {
        if (_eventTimeout is { } et) et.Timer.Cancel();
        _eventTimeout = null;
    }
}
