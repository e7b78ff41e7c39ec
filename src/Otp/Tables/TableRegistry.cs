using System.Collections.Concurrent;

namespace Otp.Tables;

/// <summary>
/// A node's tables: the names of named tables, and which process owns which tables, so that a
/// process's tables go to their heirs, or are deleted, when it ends.
/// </summary>
/// <remarks>Ownership changes under one lock, so that an owner and its heir ending at the same
/// moment on two threads cannot lose a table: the heir's own exit (which takes the same lock after
/// the heir is marked dead) finds every table handed to it while it was alive.</remarks>
internal sealed class TableRegistry(Node node)
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<Atom, Table> _names = new();
    private readonly Dictionary<Pid, List<Table>> _owned = [];
    private long _next;

    public Table Create(Process owner, Atom name, TableOptions options)
    {
        if (options.KeyPos < 1) throw new BadArgException($"ets:new '{name}': keypos must be 1 or more, not {options.KeyPos}");
        if (options.Heir is { } h && h.Process is null && h != owner.Self)
            throw new BadArgException($"ets:new '{name}': the heir {h} is not a local process");
        var number = Interlocked.Increment(ref _next);
        Table table = options.Type == TableType.OrderedSet
            ? new OrderedTable(node, number, name, options, owner.Self)
            : new HashTable(node, number, name, options, owner.Self);
        lock (_gate)
        {
            if (options.Named && !_names.TryAdd(name, table))
                throw new BadArgException($"ets:new '{name}': a named table '{name}' already exists");
            if (!_owned.TryGetValue(owner.Self, out var list)) _owned[owner.Self] = list = [];
            list.Add(table);
        }
        return table;
    }

    /// <summary>The table behind <paramref name="id"/>; badarg if there is none (any more).</summary>
    public Table Resolve(TableId id, string operation)
    {
        if (id.Table is { } t) return t.IsDeleted ? throw t.Gone(operation) : t;
        if (id.Name is { } name && _names.TryGetValue(name, out var named)) return named;
        throw new BadArgException($"{operation} on {id}: no such table");
    }

    public Table? Find(TableId id) => id.Table is { IsDeleted: false } t ? t
        : id.Name is { } name && _names.TryGetValue(name, out var named) ? named : null;

    public void Delete(Table table)
    {
        lock (_gate) DeleteLocked(table);
    }

    private void DeleteLocked(Table table)
    {
        table.MarkDeleted();
        if (table.Options.Named) _names.TryRemove(new KeyValuePair<Atom, Table>(table.Name, table));
        if (_owned.TryGetValue(table.Owner, out var list))
        {
            list.Remove(table);
            if (list.Count == 0) _owned.Remove(table.Owner);
        }
    }

    /// <summary>Erlang's <c>give_away/3</c>, after the caller's checks.</summary>
    public void GiveAway(Table table, Pid from, Pid to, object? gift)
    {
        lock (_gate)
        {
            if (to.Process is not { HasExited: false })
                throw new BadArgException($"give_away of {table.Describe()}: {to} is not alive");
            Move(table, to);
        }
        node.Route(from, to, new EtsTransfer(table.Handle, from, gift));
    }

    private void Move(Table table, Pid to)
    {
        if (_owned.TryGetValue(table.Owner, out var list))
        {
            list.Remove(table);
            if (list.Count == 0) _owned.Remove(table.Owner);
        }
        table.Owner = to;
        if (!_owned.TryGetValue(to, out var mine)) _owned[to] = mine = [];
        mine.Add(table);
    }

    /// <summary>
    /// Called once as a process ends, before its links and monitors are signalled (the BEAM also
    /// cleans up a dying process's tables first): each table it owns passes to its heir, if the
    /// heir lives, with an <see cref="EtsTransfer"/> message; otherwise it is deleted.
    /// </summary>
    public void OwnerExited(Process dying)
    {
        List<(Pid Heir, EtsTransfer Message)>? transfers = null;
        lock (_gate)
        {
            if (!_owned.Remove(dying.Self, out var tables)) return;
            foreach (var t in tables)
            {
                if (t.Heir is { } heir && heir != dying.Self && heir.Process is { HasExited: false })
                {
                    t.Owner = heir;
                    if (!_owned.TryGetValue(heir, out var mine)) _owned[heir] = mine = [];
                    mine.Add(t);
                    (transfers ??= []).Add((heir, new EtsTransfer(t.Handle, dying.Self, t.HeirData)));
                }
                else
                {
                    t.MarkDeleted();
                    if (t.Options.Named) _names.TryRemove(new KeyValuePair<Atom, Table>(t.Name, t));
                }
            }
        }
        if (transfers is not null)
            foreach (var (heir, message) in transfers) node.Route(dying.Self, heir, message);
    }

    /// <summary>Every live table, oldest first (Erlang's <c>ets:all/0</c>).</summary>
    public IReadOnlyList<Table> All()
    {
        lock (_gate) return [.. _owned.Values.SelectMany(l => l).OrderBy(t => t.Number)];
    }
}
