namespace Otp;

public sealed partial class Process
{
    // Active aliases (Erlang/OTP 24's alias/0): references that other processes may send to. A
    // message sent to an alias that is no longer active is dropped, which is what lets a
    // gen_server call give up on a reply without the reply ever turning up later.
    private HashSet<Ref>? _aliases;

    // True once an alias of this process is in the node's alias table (see Alias()), so that
    // its exit removes them there; a gen_server call's tag never needs the table.
    private bool _publishedAliases;

    /// <summary>
    /// Erlang's <c>alias/0</c>: a new reference that is also an address of this process. Any
    /// process, on this node or (through ALIAS_SEND) on another, can send to it with
    /// <see cref="Send(Ref, object)"/> (Erlang's <c>Alias ! Msg</c>) until this process calls
    /// <see cref="Unalias(Ref)"/> or ends; after that, messages sent to it are dropped.
    /// </summary>
    /// <returns>The alias.</returns>
    /// <exception cref="ExitException">This process has ended.</exception>
    public Ref Alias()
    {
        var r = MakeAlias();
        lock (_gate) _publishedAliases = true;
        Node.PublishAlias(r, this);
        // Killed meanwhile: its exit may have looked at the table before the alias was in it.
        if (HasExited) Node.UnpublishAlias(r, this);
        return r;
    }

    /// <summary>
    /// Erlang's <c>unalias/1</c>: deactivates <paramref name="alias"/>, so that messages sent to
    /// it from now on are dropped (messages already delivered stay in the mailbox).
    /// </summary>
    /// <returns>True if it was an active alias of this process, false otherwise.</returns>
    public bool Unalias(Ref alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        bool was;
        lock (_gate) was = _aliases?.Remove(alias) ?? false;
        if (was) Node.UnpublishAlias(alias, this);
        return was;
    }

    /// <summary>
    /// Erlang's <c>Alias ! Message</c>: sends to the process whose alias <paramref name="alias"/>
    /// is (<see cref="Alias"/>, here or on another node), if that alias is still active; the
    /// message is dropped otherwise, without an error, as in Erlang. To another node it travels
    /// as ALIAS_SEND, which the peer must have offered (OTP 24 and later do).
    /// </summary>
    /// <exception cref="BadArgException">To another node: the message has no Erlang form.</exception>
    public void Send(Ref alias, object message)
    {
        ArgumentNullException.ThrowIfNull(alias);
        ArgumentNullException.ThrowIfNull(message);
        ThrowIfExited();
        _reductions++;
        Node.RouteToAlias(Self, alias, message);
    }

    /// <summary>Makes a new reference that is also an active alias of this process.</summary>
    internal Ref MakeAlias()
    {
        ThrowIfExited();
        var r = MakeRef();
        lock (_gate) (_aliases ??= []).Add(r);
        return r;
    }

    /// <summary>The aliases to take out of the node's table when this process ends.</summary>
    internal Ref[] PublishedAliasesAtExit()
    {
        lock (_gate) return _publishedAliases && _aliases is { Count: > 0 } a ? [.. a] : [];
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
