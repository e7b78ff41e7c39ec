using System.Runtime.CompilerServices;

namespace Otp.Tables;

/// <summary>
/// One table: who owns it, who may touch it, and its objects. The storage is in the subclasses
/// (<see cref="HashTable"/> for set, bag and duplicate bag; <see cref="OrderedTable"/> for
/// ordered set); this class holds what every kind shares and checks access.
/// </summary>
internal abstract class Table
{
    private Pid _owner;
    private volatile bool _deleted;

    protected Table(Node node, long number, Atom name, TableOptions options, Pid owner)
    {
        Node = node;
        Number = number;
        Name = name;
        Options = options;
        KeyIndex = options.KeyPos - 1;
        _owner = owner;
        Heir = options.Heir;
        HeirData = options.HeirData;
        Id = TableId.Of(this);
    }

    public Node Node { get; }

    public long Number { get; }

    public Atom Name { get; }

    public TableOptions Options { get; }

    public TableType Type => Options.Type;

    public int KeyIndex { get; }

    public TableId Id { get; }

    /// <summary>What the API hands out: the name for a named table, else the identifier.</summary>
    public TableId Handle => Options.Named ? TableId.Named(Name) : Id;

    public Pid Owner
    {
        get => Volatile.Read(ref _owner);
        set => Volatile.Write(ref _owner, value);
    }

    public Pid? Heir { get; set; }

    public object? HeirData { get; set; }

    public bool IsDeleted => _deleted;

    public void MarkDeleted() => _deleted = true;

    // ---- Access ------------------------------------------------------------------------------

    public void CheckRead(Process caller, string operation)
    {
        if (_deleted) throw Gone(operation);
        if (Options.Access == TableAccess.Private && caller.Self != Owner)
            throw new BadArgException($"{operation} on {Describe()}: the table is private to its owner {Owner}, and {caller.Self} is not it");
    }

    public void CheckWrite(Process caller, string operation)
    {
        if (_deleted) throw Gone(operation);
        if (Options.Access != TableAccess.Public && caller.Self != Owner)
            throw new BadArgException($"{operation} on {Describe()}: only its owner {Owner} may write a {Options.Access.ToString().ToLowerInvariant()} table, and {caller.Self} is not it");
    }

    public BadArgException Gone(string operation) => new($"{operation} on {Describe()}: the table does not exist (it was deleted, or its owner ended)");

    public string Describe() => Options.Named ? $"table '{Name}'" : $"table {Id}";

    // ---- Objects ----------------------------------------------------------------------------

    /// <summary>The key of <paramref name="obj"/>; badarg if it is too short to have one.</summary>
    public object KeyOf(ITuple obj, string operation)
    {
        if (obj.Length <= KeyIndex)
            throw new BadArgException($"{operation} on {Describe()}: the object {Otp.Terms.Term.Format(obj)} has no element {KeyIndex + 1} to be its key");
        return NormalKey(obj[KeyIndex]);
    }

    /// <summary>Dictionaries take no null key: null is the atom <c>undefined</c> anyway.</summary>
    public static object NormalKey(object? key) => key ?? new Atom("undefined");

    public abstract int Size { get; }

    /// <summary>Inserts the objects as one atomic step; with <paramref name="onlyIfNew"/>, inserts
    /// nothing and returns false if any key is already there.</summary>
    public abstract bool Insert(IReadOnlyList<ITuple> objects, bool onlyIfNew, string operation);

    public abstract List<ITuple> Lookup(object key);

    public abstract bool Member(object key);

    public abstract void Delete(object key);

    public abstract void DeleteObject(ITuple obj, object key);

    public abstract long UpdateCounter(object key, int position, long increment, ITuple? defaultObject);

    /// <summary>Every object, in the table's order (key order for an ordered set).</summary>
    public abstract List<ITuple> Snapshot();

    public abstract object First();

    public abstract object Last();

    public abstract object Next(object key);

    public abstract object Prev(object key);

    /// <summary>Erlang's <c>'$end_of_table'</c>, what traversal returns past the last key.</summary>
    public static readonly Atom EndOfTable = new("$end_of_table");

    /// <summary>The counter update shared by both storages: the new object and the new value.</summary>
    protected (ITuple Updated, long Value) Increment(ITuple obj, int position, long increment)
    {
        var index = position - 1;
        if (index == KeyIndex)
            throw new BadArgException($"update_counter on {Describe()}: position {position} is the key, which cannot be a counter");
        if (index < 0 || index >= obj.Length)
            throw new BadArgException($"update_counter on {Describe()}: the object {Otp.Terms.Term.Format(obj)} has no element {position}");
        long current = obj[index] switch
        {
            int i => i,
            long l => l,
            var other => throw new BadArgException($"update_counter on {Describe()}: element {position} of {Otp.Terms.Term.Format(obj)} is {Otp.Terms.Term.Format(other)}, not an integer"),
        };
        long next;
        try { next = checked(current + increment); }
        catch (OverflowException)
        {
            throw new BadArgException($"update_counter on {Describe()}: {current} + {increment} does not fit in 64 bits (Erlang would grow a bignum; this runtime stops at long)");
        }
        // An int counter stays an int while it fits, so lookups keep the type the caller stored.
        object boxed = obj[index] is int && next is >= int.MinValue and <= int.MaxValue ? (object)(int)next : next;
        return (TupleOps.WithElement(obj, index, boxed), next);
    }

    /// <summary>The object update_counter inserts for a missing key: the default with its key
    /// element replaced by the key asked for.</summary>
    protected ITuple DefaultFor(object key, ITuple defaultObject)
    {
        if (defaultObject.Length <= KeyIndex)
            throw new BadArgException($"update_counter on {Describe()}: the default {Otp.Terms.Term.Format(defaultObject)} has no element {KeyIndex + 1} for the key");
        return TermOrder.ExactlyEqual(defaultObject[KeyIndex], key) ? defaultObject : TupleOps.WithElement(defaultObject, KeyIndex, key);
    }
}
