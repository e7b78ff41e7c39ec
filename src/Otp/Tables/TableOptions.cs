namespace Otp.Tables;

/// <summary>The options of <see cref="Ets.New"/>, Erlang's option list of <c>ets:new/2</c>.
/// The defaults are Erlang's: a protected, unnamed set, key in position 1, no heir.</summary>
public sealed record TableOptions
{
    /// <summary>The kind of table.</summary>
    public TableType Type { get; init; } = TableType.Set;

    /// <summary>Who may read and write it.</summary>
    public TableAccess Access { get; init; } = TableAccess.Protected;

    /// <summary>Erlang's <c>named_table</c>: the table is found by its name, which
    /// <see cref="Ets.New"/> then returns; a second named table with the same name is a
    /// <c>badarg</c>.</summary>
    public bool Named { get; init; }

    /// <summary>Which element of an object (from 1, as in Erlang) is its key.</summary>
    public int KeyPos { get; init; } = 1;

    /// <summary>Erlang's <c>{heir, Pid, HeirData}</c>: the process that takes the table over when
    /// its owner ends, instead of the table being deleted. Null for <c>{heir, none}</c>.</summary>
    public Pid? Heir { get; init; }

    /// <summary>The <c>HeirData</c> the heir receives in its <see cref="EtsTransfer"/> message.</summary>
    public object? HeirData { get; init; }

    /// <summary>Erlang's <c>{read_concurrency, true}</c>: readers share a reader-writer lock instead
    /// of taking turns, which pays off when reads dominate and overlap.</summary>
    public bool ReadConcurrency { get; init; }

    /// <summary>Erlang's <c>{write_concurrency, true}</c>: for the hash-based kinds (set, bag,
    /// duplicate bag) the table is split into independently locked stripes by key, so writers of
    /// different keys do not wait for each other. An ordered set keeps one lock (see
    /// docs/tables.md).</summary>
    public bool WriteConcurrency { get; init; }
}
