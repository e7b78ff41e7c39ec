using System.Runtime.CompilerServices;

namespace Otp.Tables;

/// <summary>
/// An ordered set: one object per key, keys in Erlang's term order (compared with <c>==</c>), in a
/// <see cref="SortedEntries"/> under one lock. Write concurrency does not split it (Erlang/OTP
/// uses a contention-adapting tree for that; see docs/tables.md); read concurrency makes the lock
/// a reader-writer lock.
/// </summary>
internal sealed class OrderedTable(Node node, long number, Atom name, TableOptions options, Pid owner)
    : Table(node, number, name, options, owner)
{
    private readonly SortedEntries _entries = new();
    private readonly TableLock _lock = TableLock.Create(options.ReadConcurrency);

    public override int Size
    {
        get
        {
            _lock.EnterRead();
            try { return _entries.Count; }
            finally { _lock.ExitRead(); }
        }
    }

    public override bool Insert(IReadOnlyList<ITuple> objects, bool onlyIfNew, string operation)
    {
        var keys = new object[objects.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = KeyOf(objects[i], operation);
        _lock.EnterWrite();
        try
        {
            if (onlyIfNew)
                foreach (var k in keys)
                    if (_entries.TryGet(k, out _)) return false;
            for (var i = 0; i < keys.Length; i++) _entries.Set(keys[i], objects[i]);
            return true;
        }
        finally { _lock.ExitWrite(); }
    }

    public override List<ITuple> Lookup(object key)
    {
        _lock.EnterRead();
        try { return _entries.TryGet(key, out var obj) ? [obj] : []; }
        finally { _lock.ExitRead(); }
    }

    public override bool Member(object key)
    {
        _lock.EnterRead();
        try { return _entries.TryGet(key, out _); }
        finally { _lock.ExitRead(); }
    }

    public override void Delete(object key)
    {
        _lock.EnterWrite();
        try { _entries.Remove(key); }
        finally { _lock.ExitWrite(); }
    }

    public override void DeleteObject(ITuple obj, object key)
    {
        _lock.EnterWrite();
        try
        {
            if (_entries.TryGet(key, out var found) && TermOrder.ExactlyEqual(found, obj)) _entries.Remove(key);
        }
        finally { _lock.ExitWrite(); }
    }

    public override long UpdateCounter(object key, int position, long increment, ITuple? defaultObject)
    {
        _lock.EnterWrite();
        try
        {
            ITuple current;
            if (_entries.TryGet(key, out var found)) current = found;
            else if (defaultObject is not null) current = DefaultFor(key, defaultObject);
            else throw new BadArgException($"update_counter on {Describe()}: no object has the key {Otp.Terms.Term.Format(key)}, and no default was given");
            var (updated, value) = Increment(current, position, increment);
            _entries.Set(KeyOf(updated, "update_counter"), updated);
            return value;
        }
        finally { _lock.ExitWrite(); }
    }

    public override List<ITuple> Snapshot()
    {
        _lock.EnterRead();
        try { return [.. _entries.All().Select(e => e.Object)]; }
        finally { _lock.ExitRead(); }
    }

    public override object First() => Read(() => _entries.First());

    public override object Last() => Read(() => _entries.Last());

    public override object Next(object key) => Read(() => _entries.Next(key));

    public override object Prev(object key) => Read(() => _entries.Prev(key));

    private object Read(Func<SortedEntries.Entry?> find)
    {
        _lock.EnterRead();
        try { return find() is { } e ? e.Key : EndOfTable; }
        finally { _lock.ExitRead(); }
    }
}
