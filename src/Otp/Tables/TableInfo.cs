namespace Otp.Tables;

/// <summary>What <see cref="Ets.Info"/> reports about a table: the items of Erlang's
/// <c>ets:info/1</c> that this runtime has.</summary>
/// <param name="Id">The table identifier (Erlang's <c>id</c>).</param>
/// <param name="Name">The name given at creation, named or not.</param>
/// <param name="Type">The kind of table.</param>
/// <param name="Owner">The owning process.</param>
/// <param name="Heir">The heir, or null for <c>none</c>.</param>
/// <param name="Protection">The access rights.</param>
/// <param name="Size">How many objects the table holds.</param>
/// <param name="NamedTable">Whether the table is found by name.</param>
/// <param name="KeyPos">The key's position in an object, from 1.</param>
/// <param name="ReadConcurrency">Whether readers share a lock.</param>
/// <param name="WriteConcurrency">Whether writers of different keys lock different stripes.</param>
public sealed record TableInfo(
    TableId Id, Atom Name, TableType Type, Pid Owner, Pid? Heir, TableAccess Protection,
    int Size, bool NamedTable, int KeyPos, bool ReadConcurrency, bool WriteConcurrency);
