using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Otp.Tables;

/// <summary>
/// Set, bag and duplicate bag: hash dictionaries keyed with Erlang's <c>=:=</c>. A set keeps one
/// object per key; a bag a list per key, in insertion order. With write concurrency the keys are
/// spread over <see cref="StripeCount"/> stripes, each with its own lock, so writers of different
/// keys rarely meet; without it there is one stripe.
/// </summary>
internal sealed class HashTable : Table
{
    /// <summary>Stripes under write concurrency: enough to make collisions between two to a few
    /// dozen writers rare, few enough that an operation on the whole table (an atomic insert of
    /// many objects, a traversal) stays cheap.</summary>
    public const int StripeCount = 16;

    private readonly Stripe[] _stripes;
    private int _size;

    private sealed class Stripe(bool readConcurrency)
    {
        public readonly TableLock Lock = TableLock.Create(readConcurrency);

        // A set maps a key to its object (ITuple); a bag maps it to a List<ITuple>.
        public readonly Dictionary<object, object> Map = new(TermOrder.ExactComparer);
    }

    public HashTable(Node node, long number, Atom name, TableOptions options, Pid owner)
        : base(node, number, name, options, owner)
    {
        _stripes = new Stripe[options.WriteConcurrency ? StripeCount : 1];
        for (var i = 0; i < _stripes.Length; i++) _stripes[i] = new Stripe(options.ReadConcurrency);
    }

    private bool IsBag => Type != TableType.Set;

    public override int Size => Volatile.Read(ref _size);

    private int StripeOf(object key) => _stripes.Length == 1 ? 0 : (TermOrder.Hash(key) & int.MaxValue) % _stripes.Length;

    public override bool Insert(IReadOnlyList<ITuple> objects, bool onlyIfNew, string operation)
    {
        var keys = new object[objects.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = KeyOf(objects[i], operation);
        if (objects.Count == 1)
        {
            var s = _stripes[StripeOf(keys[0])];
            s.Lock.EnterWrite();
            try { return InsertLocked(s, objects, keys, onlyIfNew); }
            finally { s.Lock.ExitWrite(); }
        }
        // Several objects go in as one step (Erlang's insert/2 of a list is atomic and isolated):
        // take every stripe, always in the same order.
        foreach (var s in _stripes) s.Lock.EnterWrite();
        try { return InsertLocked(null, objects, keys, onlyIfNew); }
        finally { foreach (var s in _stripes) s.Lock.ExitWrite(); }
    }

    private bool InsertLocked(Stripe? only, IReadOnlyList<ITuple> objects, object[] keys, bool onlyIfNew)
    {
        if (onlyIfNew)
            foreach (var k in keys)
                if ((only ?? _stripes[StripeOf(k)]).Map.ContainsKey(k)) return false;
        if (Type == TableType.Bag && objects.Count > 1)
        {
            // Erlang/OTP inserts a list into a bag last object first (docs/tables.md, checked by
            // the conformance scenario tables/bag_order): [{k,1},{k,2}] reads back [{k,2},{k,1}].
            for (var i = objects.Count - 1; i >= 0; i--) Put(only ?? _stripes[StripeOf(keys[i])], keys[i], objects[i]);
        }
        else
            for (var i = 0; i < objects.Count; i++) Put(only ?? _stripes[StripeOf(keys[i])], keys[i], objects[i]);
        return true;
    }

    private void Put(Stripe s, object key, ITuple obj)
    {
        if (!IsBag)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(s.Map, key, out var existed);
            slot = obj;
            if (!existed) Interlocked.Increment(ref _size);
            return;
        }
        if (!s.Map.TryGetValue(key, out var found))
        {
            s.Map[key] = new List<ITuple> { obj };
            Interlocked.Increment(ref _size);
            return;
        }
        var list = (List<ITuple>)found;
        // A bag keeps one copy of equal objects (the first, in its place).
        if (Type == TableType.Bag)
            foreach (var o in list)
                if (TermOrder.ExactlyEqual(o, obj)) return;
        list.Add(obj);
        Interlocked.Increment(ref _size);
    }

    public override List<ITuple> Lookup(object key)
    {
        var s = _stripes[StripeOf(key)];
        s.Lock.EnterRead();
        try
        {
            if (!s.Map.TryGetValue(key, out var found)) return [];
            return IsBag ? [.. (List<ITuple>)found] : [(ITuple)found];
        }
        finally { s.Lock.ExitRead(); }
    }

    public override bool Member(object key)
    {
        var s = _stripes[StripeOf(key)];
        s.Lock.EnterRead();
        try { return s.Map.ContainsKey(key); }
        finally { s.Lock.ExitRead(); }
    }

    public override void Delete(object key)
    {
        var s = _stripes[StripeOf(key)];
        s.Lock.EnterWrite();
        try
        {
            if (s.Map.Remove(key, out var removed))
                Interlocked.Add(ref _size, -(IsBag ? ((List<ITuple>)removed).Count : 1));
        }
        finally { s.Lock.ExitWrite(); }
    }

    public override void DeleteObject(ITuple obj, object key)
    {
        var s = _stripes[StripeOf(key)];
        s.Lock.EnterWrite();
        try
        {
            if (!s.Map.TryGetValue(key, out var found)) return;
            if (!IsBag)
            {
                if (TermOrder.ExactlyEqual(found, obj))
                {
                    s.Map.Remove(key);
                    Interlocked.Decrement(ref _size);
                }
                return;
            }
            var list = (List<ITuple>)found;
            // Every copy goes (a duplicate bag may hold several).
            var removed = list.RemoveAll(o => TermOrder.ExactlyEqual(o, obj));
            if (list.Count == 0) s.Map.Remove(key);
            Interlocked.Add(ref _size, -removed);
        }
        finally { s.Lock.ExitWrite(); }
    }

    public override long UpdateCounter(object key, int position, long increment, ITuple? defaultObject)
    {
        if (IsBag) throw new BadArgException($"update_counter on {Describe()}: a {TypeName(Type)} has no single object per key to count in");
        var s = _stripes[StripeOf(key)];
        s.Lock.EnterWrite();
        try
        {
            ITuple current;
            if (s.Map.TryGetValue(key, out var found)) current = (ITuple)found;
            else if (defaultObject is not null) current = DefaultFor(key, defaultObject);
            else throw new BadArgException($"update_counter on {Describe()}: no object has the key {Otp.Terms.Term.Format(key)}, and no default was given");
            var (updated, value) = Increment(current, position, increment);
            if (found is null) Interlocked.Increment(ref _size);
            s.Map[key] = updated;
            return value;
        }
        finally { s.Lock.ExitWrite(); }
    }

    public override List<ITuple> Snapshot()
    {
        var all = new List<ITuple>();
        foreach (var s in _stripes)
        {
            s.Lock.EnterRead();
            try
            {
                foreach (var v in s.Map.Values)
                {
                    if (v is List<ITuple> list) all.AddRange(list);
                    else all.Add((ITuple)v);
                }
            }
            finally { s.Lock.ExitRead(); }
        }
        return all;
    }

    // Traversal follows the storage order (stripe by stripe, then each dictionary's order), which
    // is no order at all for the user, as in Erlang. Next costs a walk of one stripe: fine for
    // inspecting a table, not for a hot loop (docs/tables.md).
    public override object First() => FirstFrom(0);

    public override object Last() => First();

    public override object Prev(object key) => Next(key);

    public override object Next(object key)
    {
        var index = StripeOf(key);
        var s = _stripes[index];
        s.Lock.EnterRead();
        try
        {
            var seen = false;
            foreach (var k in s.Map.Keys)
            {
                if (seen) return k;
                if (TermOrder.ExactlyEqual(k, key)) seen = true;
            }
            if (!seen) throw new BadArgException($"next on {Describe()}: the key {Otp.Terms.Term.Format(key)} is not in the table (only an ordered set can continue from a missing key)");
        }
        finally { s.Lock.ExitRead(); }
        return FirstFrom(index + 1);
    }

    private object FirstFrom(int index)
    {
        for (var i = index; i < _stripes.Length; i++)
        {
            var s = _stripes[i];
            s.Lock.EnterRead();
            try
            {
                foreach (var k in s.Map.Keys) return k;
            }
            finally { s.Lock.ExitRead(); }
        }
        return EndOfTable;
    }

    internal static string TypeName(TableType type) => type switch
    {
        TableType.Set => "set",
        TableType.OrderedSet => "ordered_set",
        TableType.Bag => "bag",
        _ => "duplicate_bag",
    };
}
