namespace Otp.Tables;

/// <summary>
/// What the table functions accept as their table argument: Erlang's <c>ets:table()</c>, either
/// the table's identifier (a reference-like <c>tid()</c>, printed <c>#Ref&lt;0.0.2.N&gt;</c>) or,
/// for a named table, its name. An <see cref="Atom"/> converts to a name implicitly.
/// </summary>
public readonly struct TableId : IEquatable<TableId>
{
    private TableId(Table? table, Atom? name)
    {
        Table = table;
        Name = name;
    }

    internal static TableId Of(Table table) => new(table, null);

    /// <summary>The table registered under <paramref name="name"/>, looked up at each call.</summary>
    public static TableId Named(Atom name) => new(null, name);

    /// <summary>A name, found at each call (Erlang passes the name atom where a table goes).</summary>
    public static implicit operator TableId(Atom name) => Named(name);

    /// <summary>A name given as a string, as <see cref="Atom"/> allows (<c>Ets.Lookup(self, "cache", key)</c>).</summary>
    public static implicit operator TableId(string name) => Named(new Atom(name));

    internal Table? Table { get; }

    /// <summary>The name, when this id is a name; null when it is a table identifier.</summary>
    public Atom? Name { get; }

    /// <inheritdoc/>
    public bool Equals(TableId other) => ReferenceEquals(Table, other.Table) && Name == other.Name;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TableId t && Equals(t);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Table, Name);

    /// <summary>Erlang notation: the name atom, or <c>#Ref&lt;0.0.2.N&gt;</c>.</summary>
    public override string ToString() => Name?.ToString() ?? (Table is { } t ? $"#Ref<0.0.2.{t.Number}>" : "undefined");

    /// <summary>Value equality.</summary>
    public static bool operator ==(TableId a, TableId b) => a.Equals(b);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(TableId a, TableId b) => !a.Equals(b);
}
