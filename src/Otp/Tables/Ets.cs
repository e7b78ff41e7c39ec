using System.Runtime.CompilerServices;

namespace Otp.Tables;

/// <summary>
/// Erlang's <c>ets</c> module: tables of tuples that processes share, outside any process's state.
/// Every function takes the calling process first (Erlang's implicit <c>self()</c>), because
/// access rights and ownership are about who calls.
/// </summary>
/// <remarks>
/// <para>An object is a tuple (a value tuple such as <c>("alice", 42)</c>, or a
/// <see cref="Tuple"/>); its key is the element at <see cref="TableOptions.KeyPos"/>. Keys and
/// objects are compared as Erlang terms (<see cref="TermOrder"/>). Store immutable values: the
/// table keeps the very objects it is given (the BEAM copies them in and out).</para>
/// <para>A table belongs to the process that created it. When the owner ends, the table is
/// deleted, unless it names a living heir: then the heir owns it and receives an
/// <see cref="EtsTransfer"/>. Wrong calls raise Erlang's <c>badarg</c> as a
/// <see cref="BadArgException"/>: a table that does not exist, an access its protection forbids,
/// an object without a key, a counter that is not an integer.</para>
/// <para>Every function is safe to call from any number of processes at once; each single call is
/// atomic (an insert of several objects included), as in Erlang.</para>
/// </remarks>
public static class Ets
{
    /// <summary>Erlang's <c>'_'</c> in a match pattern: matches anything, binds nothing.</summary>
    public static Atom Any { get; } = new("_");

    /// <summary>Erlang's <c>'$end_of_table'</c>, what traversal returns past the last key.</summary>
    public static Atom EndOfTable => Table.EndOfTable;

    /// <summary>Erlang's <c>'$N'</c> in a match pattern: matches anything and binds it as
    /// variable <paramref name="n"/>; <see cref="Match"/> returns the bindings in the order of
    /// their numbers.</summary>
    public static Atom Var(int n) => n >= 0 ? new Atom($"${n}") : throw new ArgumentOutOfRangeException(nameof(n), "match variables are numbered from 0");

    private static TableRegistry Registry(Process self) => self.Node.Tables;

    private static Table Read(Process self, TableId tab, string operation)
    {
        var t = Registry(self).Resolve(tab, operation);
        t.CheckRead(self, operation);
        return t;
    }

    private static Table Write(Process self, TableId tab, string operation)
    {
        var t = Registry(self).Resolve(tab, operation);
        t.CheckWrite(self, operation);
        return t;
    }

    /// <summary>Erlang's <c>ets:new(Name, Options)</c>: a new table owned by <paramref name="self"/>.
    /// Returns the name for a named table, else the table's identifier.</summary>
    /// <exception cref="BadArgException">A named table of that name exists, or an option is invalid.</exception>
    public static TableId New(Process self, Atom name, TableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(self);
        return Registry(self).Create(self, name, options ?? new TableOptions()).Handle;
    }

    /// <summary>Erlang's <c>ets:insert/2</c> with one object: replaces the object of the same key
    /// in a set, adds to a bag (unless an equal object is there). Returns true.</summary>
    public static bool Insert(Process self, TableId tab, ITuple obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return Write(self, tab, "insert").Insert([obj], onlyIfNew: false, "insert");
    }

    /// <summary>Erlang's <c>ets:insert/2</c> with a list: inserts every object in one atomic step.</summary>
    public static bool Insert(Process self, TableId tab, IEnumerable<ITuple> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        return Write(self, tab, "insert").Insert([.. objects], onlyIfNew: false, "insert");
    }

    /// <summary>Erlang's <c>ets:insert_new/2</c>: inserts only if no object with that key exists;
    /// returns whether it did.</summary>
    public static bool InsertNew(Process self, TableId tab, ITuple obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return Write(self, tab, "insert_new").Insert([obj], onlyIfNew: true, "insert_new");
    }

    /// <summary>Erlang's <c>ets:insert_new/2</c> with a list: inserts all of them, or none if any
    /// key is already there.</summary>
    public static bool InsertNew(Process self, TableId tab, IEnumerable<ITuple> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        return Write(self, tab, "insert_new").Insert([.. objects], onlyIfNew: true, "insert_new");
    }

    /// <summary>Erlang's <c>ets:lookup/2</c>: the objects with key <paramref name="key"/>: none
    /// or one for a set, in insertion order for a bag.</summary>
    public static IReadOnlyList<ITuple> Lookup(Process self, TableId tab, object? key) =>
        Read(self, tab, "lookup").Lookup(Table.NormalKey(key));

    /// <summary>Erlang's <c>ets:member/2</c>: whether an object has key <paramref name="key"/>.</summary>
    public static bool Member(Process self, TableId tab, object? key) =>
        Read(self, tab, "member").Member(Table.NormalKey(key));

    /// <summary>Erlang's <c>ets:delete/1</c>: deletes the table. Whoever may write to it may
    /// delete it: the owner, or any process for a public table (as on the BEAM).</summary>
    public static bool Delete(Process self, TableId tab)
    {
        Registry(self).Delete(Write(self, tab, "delete"));
        return true;
    }

    /// <summary>Erlang's <c>ets:delete/2</c>: removes every object with key <paramref name="key"/>.</summary>
    public static bool Delete(Process self, TableId tab, object? key)
    {
        Write(self, tab, "delete").Delete(Table.NormalKey(key));
        return true;
    }

    /// <summary>Erlang's <c>ets:delete_object/2</c>: removes this exact object (in a duplicate
    /// bag, every copy of it), leaving other objects of its key.</summary>
    public static bool DeleteObject(Process self, TableId tab, ITuple obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var t = Write(self, tab, "delete_object");
        t.DeleteObject(obj, t.KeyOf(obj, "delete_object"));
        return true;
    }

    /// <summary>Erlang's <c>ets:update_counter(Tab, Key, Incr)</c>: adds to the element after the
    /// key, atomically, and returns the new value.</summary>
    /// <exception cref="BadArgException">No such key, a bag, or an element that is not an integer.</exception>
    public static long UpdateCounter(Process self, TableId tab, object? key, long increment) =>
        UpdateCounterCore(self, tab, key, position: null, increment, null);

    /// <summary>Erlang's <c>ets:update_counter(Tab, Key, {Pos, Incr})</c>: adds to element
    /// <paramref name="position"/> (from 1).</summary>
    public static long UpdateCounter(Process self, TableId tab, object? key, int position, long increment) =>
        UpdateCounterCore(self, tab, key, position, increment, null);

    /// <summary>Erlang's <c>ets:update_counter(Tab, Key, Incr, Default)</c>: as
    /// <see cref="UpdateCounter(Process, TableId, object, long)"/>, but a missing key first gets
    /// <paramref name="defaultObject"/> (with its key element replaced by <paramref name="key"/>).</summary>
    public static long UpdateCounter(Process self, TableId tab, object? key, long increment, ITuple defaultObject)
    {
        ArgumentNullException.ThrowIfNull(defaultObject);
        return UpdateCounterCore(self, tab, key, position: null, increment, defaultObject);
    }

    private static long UpdateCounterCore(Process self, TableId tab, object? key, int? position, long increment, ITuple? defaultObject)
    {
        var t = Write(self, tab, "update_counter");
        // The default position is the element after the key, as in Erlang.
        return t.UpdateCounter(Table.NormalKey(key), position ?? t.KeyIndex + 2, increment, defaultObject);
    }

    /// <summary>Erlang's <c>ets:first/1</c>: the first key (the smallest, for an ordered set), or
    /// <see cref="EndOfTable"/>.</summary>
    public static object First(Process self, TableId tab) => Read(self, tab, "first").First();

    /// <summary>Erlang's <c>ets:last/1</c>: the largest key of an ordered set (for the other
    /// kinds, the same as <see cref="First"/>), or <see cref="EndOfTable"/>.</summary>
    public static object Last(Process self, TableId tab) => Read(self, tab, "last").Last();

    /// <summary>Erlang's <c>ets:next/2</c>: the key after <paramref name="key"/>, or
    /// <see cref="EndOfTable"/>. An ordered set accepts any key, present or not; the other kinds
    /// raise badarg for a key they do not hold.</summary>
    public static object Next(Process self, TableId tab, object? key) => Read(self, tab, "next").Next(Table.NormalKey(key));

    /// <summary>Erlang's <c>ets:prev/2</c>: the key before <paramref name="key"/> in an ordered set
    /// (for the other kinds, the same as <see cref="Next"/>), or <see cref="EndOfTable"/>.</summary>
    public static object Prev(Process self, TableId tab, object? key) => Read(self, tab, "prev").Prev(Table.NormalKey(key));

    /// <summary>Erlang's <c>ets:tab2list/1</c>: every object, in the table's order.</summary>
    public static IReadOnlyList<ITuple> ToList(Process self, TableId tab) => Read(self, tab, "tab2list").Snapshot();

    /// <summary>Erlang's <c>ets:match_object/2</c>: every object that matches
    /// <paramref name="pattern"/> (see <see cref="Any"/> and <see cref="Var"/>), in the table's order.</summary>
    public static IReadOnlyList<ITuple> MatchObject(Process self, TableId tab, ITuple pattern) =>
        [.. Matches(Read(self, tab, "match_object"), pattern).Select(m => m.Object)];

    /// <summary>Erlang's <c>ets:match/2</c>: for each object that matches
    /// <paramref name="pattern"/>, the values of its variables, in the order of their numbers.</summary>
    public static IReadOnlyList<IReadOnlyList<object?>> Match(Process self, TableId tab, ITuple pattern) =>
        [.. Matches(Read(self, tab, "match"), pattern).Select(m => (IReadOnlyList<object?>)[.. m.Bindings.Values])];

    private static IEnumerable<(ITuple Object, SortedDictionary<int, object?> Bindings)> Matches(Table t, ITuple pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        // A pattern whose key is fully given is a lookup, not a scan (as on the BEAM).
        var candidates = pattern.Length > t.KeyIndex && MatchPattern.IsGround(pattern[t.KeyIndex])
            ? t.Lookup(Table.NormalKey(pattern[t.KeyIndex]))
            : t.Snapshot();
        foreach (var obj in candidates)
        {
            var bindings = new SortedDictionary<int, object?>();
            if (MatchPattern.Match(pattern, obj, bindings)) yield return (obj, bindings);
        }
    }

    /// <summary>Erlang's <c>ets:info/1</c>: what the table is, or null (Erlang's
    /// <c>undefined</c>) if it does not exist. Any process may ask, whatever the protection.</summary>
    public static TableInfo? Info(Process self, TableId tab)
    {
        ArgumentNullException.ThrowIfNull(self);
        if (Registry(self).Find(tab) is not { } t) return null;
        return new TableInfo(t.Id, t.Name, t.Type, t.Owner, t.Heir, t.Options.Access, t.Size,
            t.Options.Named, t.Options.KeyPos, t.Options.ReadConcurrency, t.Options.WriteConcurrency);
    }

    /// <summary>Erlang's <c>ets:whereis/1</c>: the identifier of the table named
    /// <paramref name="name"/>, or null.</summary>
    public static TableId? WhereIs(Process self, Atom name) =>
        Registry(self).Find(TableId.Named(name)) is { } t ? (TableId?)t.Id : null;

    /// <summary>Erlang's <c>ets:give_away/3</c>: makes <paramref name="to"/> the owner, which
    /// receives an <see cref="EtsTransfer"/> with <paramref name="gift"/>. Only the owner may give
    /// a table away, and not to itself.</summary>
    public static bool GiveAway(Process self, TableId tab, Pid to, object? gift)
    {
        ArgumentNullException.ThrowIfNull(to);
        var t = Registry(self).Resolve(tab, "give_away");
        if (t.Owner != self.Self) throw new BadArgException($"give_away of {t.Describe()}: only its owner {t.Owner} may give it away");
        if (to == self.Self) throw new BadArgException($"give_away of {t.Describe()}: {to} already owns it");
        Registry(self).GiveAway(t, self.Self, to, gift);
        return true;
    }
}
