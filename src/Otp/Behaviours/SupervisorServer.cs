namespace Otp.Behaviours;

/// <summary>
/// The supervisor behaviour itself, built (as in Erlang/OTP) as a generic server that traps
/// exits. Its state is the list of children in start order and the times of recent restarts.
/// </summary>
internal sealed class SupervisorServer(SupervisorSpec spec) : GenServer<SupervisorServer.State>
{
    internal sealed class Child(ChildSpec spec)
    {
        public ChildSpec Spec { get; } = spec;
        public Pid? Pid { get; set; }
        public bool Restarting { get; set; }
    }

    internal sealed class State
    {
        public List<Child> Children { get; } = [];
        public List<DateTimeOffset> Restarts { get; } = [];
    }

    // Requests the client API sends; internal, since only Supervisor's methods make them.
    internal sealed record WhichChildren;
    internal sealed record StartChild(ChildSpec Spec);
    internal sealed record TerminateChild(string Id);
    internal sealed record DeleteChild(string Id);
    private sealed record TryAgainRestart(string Id);

    protected override async ValueTask<State> InitAsync()
    {
        Self.TrapExit = true;
        var dup = spec.Children.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) Self.Exit(new ExitReason((new Atom("bad_start_spec"), (new Atom("duplicate_child_name"), new Atom(dup.Key)))));
        var state = new State();
        foreach (var childSpec in spec.Children)
        {
            var child = new Child(childSpec);
            var error = await TryStart(child);
            if (error is not null)
            {
                await ShutdownAll(state);
                Self.Exit(new ExitReason((new Atom("shutdown"), (new Atom("failed_to_start_child"), new Atom(childSpec.Id), error.Term))));
            }
            state.Children.Add(child);
        }
        return state;
    }

    protected override async ValueTask<ServerResult<State>> HandleCallAsync(object request, From from, State state)
    {
        switch (request)
        {
            case WhichChildren:
                return Reply(state.Children.AsEnumerable().Reverse()
                    .Select(c => new ChildInfo(c.Spec.Id, c.Pid, c.Spec.Type, c.Restarting)).ToList(), state);
            case StartChild s:
                if (state.Children.Find(c => c.Spec.Id == s.Spec.Id) is { } existing)
                    return Reply(new ExitReason(existing.Pid is { } running
                        ? (new Atom("already_started"), running)
                        : new Atom("already_present")), state);
                var child = new Child(s.Spec);
                var error = await TryStart(child);
                if (error is not null) return Reply(error, state);
                state.Children.Add(child);
                return Reply(child.Pid!, state);
            case TerminateChild t:
                if (state.Children.Find(c => c.Spec.Id == t.Id) is not { } victim) return Reply(new ExitReason(new Atom("not_found")), state);
                await Shutdown(victim);
                if (victim.Spec.Restart == Restart.Temporary) state.Children.Remove(victim);
                return Reply(new Atom("ok"), state);
            case DeleteChild d:
                if (state.Children.Find(c => c.Spec.Id == d.Id) is not { } gone) return Reply(new ExitReason(new Atom("not_found")), state);
                if (gone.Pid is not null) return Reply(new ExitReason(new Atom("running")), state);
                state.Children.Remove(gone);
                return Reply(new Atom("ok"), state);
            default:
                return await base.HandleCallAsync(request, from, state);
        }
    }

    protected override async ValueTask<ServerResult<State>> HandleInfoAsync(object message, State state)
    {
        switch (message)
        {
            case ExitSignal exit when state.Children.Find(c => c.Pid == exit.From) is { } child:
                child.Pid = null;
                return await OnChildExit(child, exit.Reason, state);
            case TryAgainRestart again when state.Children.Find(c => c.Spec.Id == again.Id) is { Restarting: true } child:
                return await RestartWithIntensity(child, state);
            default:
                return NoReply(state);
        }
    }

    protected override async ValueTask TerminateAsync(ExitReason reason, State state) => await ShutdownAll(state);

    private async ValueTask<ServerResult<State>> OnChildExit(Child child, ExitReason reason, State state)
    {
        switch (child.Spec.Restart)
        {
            case Restart.Temporary:
                state.Children.Remove(child);
                return NoReply(state);
            case Restart.Transient when IsCleanExit(reason):
                return NoReply(state);
            default:
                return await RestartWithIntensity(child, state);
        }
    }

    private static bool IsCleanExit(ExitReason reason) =>
        reason.IsNormal || reason.Term is Atom { Name: "shutdown" } || reason.Term is (Atom { Name: "shutdown" }, _);

    /// <summary>Counts a restart against the intensity, then restarts by the strategy. A start
    /// that fails is retried through a message to self, counting again, so a child that cannot
    /// start exhausts the intensity instead of looping for ever.</summary>
    private async ValueTask<ServerResult<State>> RestartWithIntensity(Child child, State state)
    {
        var now = Self.Node.Time.GetUtcNow();
        state.Restarts.Add(now);
        state.Restarts.RemoveAll(t => now - t >= spec.Period);
        if (state.Restarts.Count > spec.Intensity)
        {
            child.Restarting = false;
            return Stop(ExitReason.Shutdown, state);
        }

        var index = state.Children.IndexOf(child);
        var group = spec.Strategy switch
        {
            RestartStrategy.OneForOne => [child],
            RestartStrategy.OneForAll => state.Children.ToList(),
            _ => state.Children.Skip(index).ToList(),
        };
        // Stop the others in the group, last started first; temporary ones are not coming back.
        for (var i = group.Count - 1; i >= 0; i--)
        {
            var c = group[i];
            if (c == child) continue;
            await Shutdown(c);
            if (c.Spec.Restart == Restart.Temporary)
            {
                state.Children.Remove(c);
                group.RemoveAt(i);
            }
        }
        foreach (var c in group)
        {
            if (c.Pid is not null) continue;
            if (await TryStart(c) is null) continue;
            c.Restarting = true;
            Self.Send(Self.Self, new TryAgainRestart(c.Spec.Id));
            break;
        }
        return NoReply(state);
    }

    private async ValueTask<ExitReason?> TryStart(Child child)
    {
        try
        {
            child.Pid = await child.Spec.Start(Self);
            child.Restarting = false;
            return null;
        }
        catch (StartFailedException ex)
        {
            return ex.Reason;
        }
        catch (Exception ex) when (ex is not ExitException || !Self.HasExited)
        {
            return ex is ExitException e ? e.Reason : ExitReason.Error(ex);
        }
    }

    private async ValueTask ShutdownAll(State state)
    {
        for (var i = state.Children.Count - 1; i >= 0; i--) await Shutdown(state.Children[i]);
    }

    /// <summary>Erlang's <c>shutdown/2</c> in supervisor.erl: monitor and unlink, so the child's
    /// end arrives as one DOWN and never as an exit signal; then kill it, or ask it to shut down
    /// and kill it if it has not ended in time.</summary>
    private async ValueTask Shutdown(Child child)
    {
        if (child.Pid is not { } pid) return;
        child.Pid = null;
        var mref = Self.Monitor(pid);
        Self.Unlink(pid);
        // If it died just before, its exit signal is already here: take it, then its DOWN.
        await Self.Receive(m => m is ExitSignal e && e.From == pid, TimeSpan.Zero);
        var how = child.Spec.EffectiveShutdown;
        Self.Exit(pid, how.Timeout is null ? ExitReason.Kill : ExitReason.Shutdown);
        bool IsDown(object m) => m is Down d && d.Ref.Equals(mref);
        if (how.Timeout is { } wait && await Self.ReceiveReply(mref, IsDown, wait) is not null) return;
        if (how.Timeout is not null) Self.Exit(pid, ExitReason.Kill);
        await Self.ReceiveReply(mref, IsDown, System.Threading.Timeout.InfiniteTimeSpan);
    }
}
