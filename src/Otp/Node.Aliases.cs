using System.Collections.Concurrent;

namespace Otp;

public sealed partial class Node
{
    // The aliases made with Process.Alias(), by reference: an alias carries no pid, so a message
    // sent to one (from this node or, as ALIAS_SEND, from another) finds its process here. Made
    // on first use; a gen_server call's tag is an alias too, but never needs this table.
    private ConcurrentDictionary<Ref, Process>? _aliasTable;

    internal void PublishAlias(Ref alias, Process owner)
    {
        if (_aliasTable is null) Interlocked.CompareExchange(ref _aliasTable, new ConcurrentDictionary<Ref, Process>(), null);
        _aliasTable[alias] = owner;
    }

    internal void UnpublishAlias(Ref alias, Process owner) =>
        _aliasTable?.TryRemove(new KeyValuePair<Ref, Process>(alias, owner));

    /// <summary>The process whose alias <paramref name="alias"/> is, or null.</summary>
    internal Process? AliasOwner(Ref alias) =>
        _aliasTable is { } t && t.TryGetValue(alias, out var p) ? p : null;

    /// <summary><c>Alias ! Message</c>: to the owner of a local alias if it is still active, or
    /// out to the alias's node; dropped otherwise.</summary>
    internal void RouteToAlias(Pid from, Ref alias, object message)
    {
        if (alias.IsLocal)
        {
            if (AliasOwner(alias) is not { } owner) return;
            Tracer?.Sent(from, owner.Self, message);
            owner.DeliverToAlias(alias, message);
        }
        // Only the TCP distribution carries ALIAS_SEND; the simulated network drops it, as it
        // would drop a message to a node it cannot reach.
        else Distribution?.SendAlias(from, alias, message);
    }

    private void ForgetAliases(Process p)
    {
        if (_aliasTable is null) return;
        foreach (var a in p.PublishedAliasesAtExit()) UnpublishAlias(a, p);
    }
}
