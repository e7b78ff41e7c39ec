namespace Otp;

public sealed partial class Process
{
    // Active aliases (Erlang/OTP 24's alias/0): references that other processes may send to. A
    // message sent to an alias that is no longer active is dropped, which is what lets a
    // gen_server call give up on a reply without the reply ever turning up later.
    private HashSet<Ref>? _aliases;

    /// <summary>Makes a new reference that is also an active alias of this process.</summary>
    internal Ref MakeAlias()
    {
        ThrowIfExited();
        var r = MakeRef();
        lock (_gate) (_aliases ??= []).Add(r);
        return r;
    }

    /// <summary>Deactivates <paramref name="alias"/>: from now on messages sent to it are dropped.</summary>
    internal void Unalias(Ref alias)
    {
        lock (_gate) _aliases?.Remove(alias);
    }

    /// <summary>Delivers <paramref name="message"/> if <paramref name="alias"/> is still active;
    /// drops it otherwise. The check and the delivery are one step, so a reply cannot slip in
    /// after the caller has deactivated the alias.</summary>
    internal void DeliverToAlias(Ref alias, object message)
    {
        var schedule = false;
        lock (_gate)
        {
            if (_exitReason is not null || _aliases is null || !_aliases.Contains(alias)) return;
            _mailbox.Post(message);
            if (_waiting && !_scheduled) schedule = _scheduled = true;
        }
        if (schedule) Node.Scheduler.Schedule(this);
    }
}
